using LossLab.Reports.Layout;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>Draws an OxyPlot model as vectors onto the page canvas (no raster step: lines and text stay sharp).</summary>
internal sealed class PlotFigure(PlotModel model) : IFigureContent
{
    public PlotModel Model { get; } = model;

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        using var context = new SkiaRenderContext
        {
            SkCanvas = canvas,
            RenderTarget = RenderTarget.VectorGraphic,
            // Plain text runs are enough for axis labels and keep the glyphs extractable from the PDF.
            UseTextShaping = false,
        };
        canvas.Save();
        canvas.Translate(bounds.Left, bounds.Top);
        IPlotModel plot = Model;
        plot.Update(true);
        plot.Render(context, new OxyRect(0, 0, bounds.Width, bounds.Height));
        canvas.Restore();
    }
}
