using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Tests.Support;
using OxyPlot;
using SkiaSharp;

namespace LossLab.Reports.Tests.Figures;

/// <summary>Every plot of a composed report, laid out at the size it is drawn on its page.</summary>
internal static class PlotReadability
{
    public static List<PlotModel> LaidOutPlots(Document document)
    {
        var canvas = new RecordingCanvas();
        document.Render(canvas);
        var plots = new List<PlotModel>();
        foreach (var (content, bounds) in canvas.Pages.SelectMany(p => p.Figures))
        {
            // Drawing on a canvas that records nothing lays the plots out (axes, plot area, legend) at their real size.
            using var none = new SKNoDrawCanvas((int)Math.Ceiling(bounds.Right) + 1, (int)Math.Ceiling(bounds.Bottom) + 1);
            content.Draw(none, bounds);
            plots.AddRange(Plots(content));
        }

        return plots;
    }

    private static IEnumerable<PlotModel> Plots(IFigureContent content) => content switch
    {
        PlotFigure plot => [plot.Model],
        PanelGrid grid => grid.Panels.SelectMany(Plots),
        KeyedFigure keyed => Plots(keyed.Content),
        _ => [],
    };
}
