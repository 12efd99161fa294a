using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using OxyPlot;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>A short line with a marker in a loss's style, as in a plot legend: ties a loss card to the figures.</summary>
internal sealed class LossSwatch(LossStyle style, FontSet fonts) : IFigureContent
{
    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        using var context = new ReportRenderContext(canvas, fonts);
        var y = bounds.MidY;
        // Drawn with OxyPlot's own helpers, so the dash pattern and marker are exactly those of the plots.
        context.DrawLine([new ScreenPoint(bounds.Left + 1, y), new ScreenPoint(bounds.Right - 1, y)], style.Color, 1.6,
            EdgeRenderingMode.Automatic, style.Line.GetDashArray(), LineJoin.Miter);
        context.DrawMarker(new ScreenPoint(bounds.MidX, y), style.Marker, null, 3, OxyColors.White, style.Color, 1, EdgeRenderingMode.Automatic);
    }
}
