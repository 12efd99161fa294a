using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal static class KeepTogetherExtensions
{
    /// <summary>Moves the content to the next page instead of splitting it, when it fits on one page.</summary>
    public static IContainer KeepTogether(this IContainer container) => container.Decorate(child => new KeepTogether(child));

    /// <summary>
    /// A section's start: on this page when the whole section fits in what is left, else on the next page; a section
    /// longer than a page starts here only when at least half a page is left.
    /// </summary>
    public static IContainer SectionStart(this IContainer container) => container.Decorate(child => new KeepTogether(child, 0.5f));

    public static void PageBreak(this IContainer container) => container.Element(new PageBreak());

    public static void LineHorizontal(this IContainer container, float thickness = 0.6f, SkiaSharp.SKColor? color = null) =>
        container.Element(new HorizontalLine(thickness, color ?? new SkiaSharp.SKColor(0x99, 0x99, 0x99)));
}
