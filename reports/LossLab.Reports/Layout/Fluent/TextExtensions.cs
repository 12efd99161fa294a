using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal sealed class TextDescriptor
{
    private readonly List<TextSpan> _spans = [];

    internal TextDescriptor()
    {
    }

    internal IReadOnlyList<TextSpan> Spans => _spans;

    internal TextAlignment AlignmentValue { get; private set; } = TextAlignment.Left;

    public TextDescriptor Span(string text, TextStyle? style = null)
    {
        _spans.Add(new TextSpan(text, style ?? TextStyle.Body));
        return this;
    }

    public TextDescriptor Align(TextAlignment alignment)
    {
        AlignmentValue = alignment;
        return this;
    }
}

internal static class TextExtensions
{
    public static void Text(this IContainer container, string text, TextStyle? style = null, TextAlignment alignment = TextAlignment.Left) =>
        container.Element(new TextBlock(container.Context, [new TextSpan(text, style ?? TextStyle.Body)], alignment));

    /// <summary>A paragraph of several styled spans (e.g. a bold lead-in followed by plain text).</summary>
    public static void Text(this IContainer container, Action<TextDescriptor> compose)
    {
        var descriptor = new TextDescriptor();
        compose(descriptor);
        container.Element(new TextBlock(container.Context, descriptor.Spans, descriptor.AlignmentValue));
    }

    public static void PageNumber(this IContainer container, TextStyle? style = null, TextAlignment alignment = TextAlignment.Right) =>
        container.Element(new PageNumber(container.Context, style ?? TextStyle.Small, alignment));
}
