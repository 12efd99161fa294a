using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Section 5: where each loss puts its test scores, per true class.</summary>
internal sealed class ConfidenceSection(RunReportContext context) : IComponent
{
    public void Compose(IContainer container) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading("5", "Confidence");
            var panels = context.Losses.Select(loss => (IFigureContent)new PlotFigure(ConfidenceHistogramFigure.Panel(
                context.Fonts, context.Palette[loss], context.Test.Pooled(loss), context.MeanTunedThreshold(loss, context.Objective)), context.Fonts)).ToList();
            var grid = new PanelGrid(panels, context.PanelColumns);
            column.Item().Figure(grid, grid.HeightFor(160),
                $"Figure 5. Histograms of test scores (20 bins), grey: true negatives, coloured: true positives; {context.PoolingNote}. " +
                "Counts are on a log axis, since at this imbalance the positives would not show on a linear one. " +
                "Dashed line: threshold 0.5" + (context.Objective is { } obj ? $"; dotted line ('tuned'): the threshold tuned for {obj}, mean over seeds." : "."));
        });
}
