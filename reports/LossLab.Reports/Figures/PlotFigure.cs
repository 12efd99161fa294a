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
        IPlotModel plot = Model;
        plot.Update(true);
        var area = new OxyRect(0, 0, bounds.Width, bounds.Height);

        // OxyPlot sizes the axis margins from the tick labels of the previous layout: on a first render those are the
        // labels for a default size (e.g. 0 and 1 only), so a wider label of the real layout (0.5) would run under the
        // axis title. A render that draws nothing settles the ticks; the second one draws with margins that fit them.
        using (var settle = new SKNoDrawCanvas((int)Math.Ceiling(bounds.Width), (int)Math.Ceiling(bounds.Height)))
        using (var settling = new ReportRenderContext(settle, fonts))
            plot.Render(settling, area);

        // Vectors and plain text runs (no shaping): enough for axis labels, and the glyphs stay extractable.
        using var context = new ReportRenderContext(canvas, fonts);
        canvas.Save();
        canvas.Translate(bounds.Left, bounds.Top);
        plot.Render(context, area);
        canvas.Restore();
    }
}
