namespace LossLab.Reports.Layout.Elements;

/// <summary>"Page 3 of 9", read from the page counter when drawn (the total comes from the layout pass).</summary>
internal sealed class PageNumber(LayoutContext context, TextStyle style, TextAlignment alignment) : Element
{
    public static string Format(int current, int total) => $"Page {current} of {total}";

    public override SpacePlan Measure(Size available)
    {
        // Measure the widest plausible text so the footer's layout does not depend on the pass.
        var (_, height) = context.Fonts.LineMetrics(style);
        var width = context.Fonts.Measure(Format(9999, 9999), style);
        var size = new Size(Math.Min(width, available.Width), height);
        return size.FitsIn(available) ? SpacePlan.Full(size) : SpacePlan.Wrap();
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        var text = Format(context.Pages.Current, context.Pages.Total);
        var width = context.Fonts.Measure(text, style);
        var (ascent, _) = context.Fonts.LineMetrics(style);
        var x = alignment switch
        {
            TextAlignment.Right => available.Width - width,
            TextAlignment.Center => (available.Width - width) / 2,
            _ => 0,
        };
        canvas.DrawText(text, x, ascent, style);
    }
}
