namespace LossLab.Reports.Layout.Elements;

/// <summary>The number of the page a named destination is on, read when drawn (the layout pass finds it).</summary>
internal sealed class DestinationPage(LayoutContext context, string destination, TextStyle style) : Element
{
    public override SpacePlan Measure(Size available)
    {
        // The widest plausible number, so the layout does not depend on the pass.
        var (_, height) = context.Fonts.LineMetrics(style);
        var size = new Size(Math.Min(context.Fonts.Measure("9999", style), available.Width), height);
        return size.FitsIn(available) ? SpacePlan.Full(size) : SpacePlan.Wrap();
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        if (!context.DestinationPages.TryGetValue(destination, out var page))
            return;
        var text = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (ascent, _) = context.Fonts.LineMetrics(style);
        canvas.DrawText(text, available.Width - context.Fonts.Measure(text, style), ascent, style);
    }
}
