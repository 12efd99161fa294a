using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using OxyPlot;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>Draws an OxyPlot model as vectors onto the page canvas (no raster step: lines and text stay sharp).</summary>
internal sealed class PlotFigure(PlotModel model, FontSet fonts) : IFigureContent
{
    public PlotModel Model { get; } = model;

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        // Vectors and plain text runs (no shaping): enough for axis labels, and the glyphs stay extractable.
        using var context = new ReportRenderContext(canvas, fonts);
        canvas.Save();
        canvas.Translate(bounds.Left, bounds.Top);
        IPlotModel plot = Model;
        plot.Update(true);
        plot.Render(context, new OxyRect(0, 0, bounds.Width, bounds.Height));
        canvas.Restore();
    }
}
