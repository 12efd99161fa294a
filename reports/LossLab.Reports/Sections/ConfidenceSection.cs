using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Where each loss puts its test scores, per true class, with 0.5 and every tuned threshold.</summary>
internal sealed class ConfidenceSection(RunReportContext context) : IReportSection
{
    public string Title => "Confidence";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var panels = context.Losses.Select(loss => (IFigureContent)new PlotFigure(ConfidenceHistogramFigure.Panel(
                context.Fonts, context.Palette[loss], context.Test.Pooled(loss), context.TunedMarks(loss)), context.Fonts)).ToList();
            var grid = new PanelGrid(panels, context.PanelColumns);
            column.Item().Figure(new KeyedFigure(context.ThresholdKey(markers: false), grid), KeyedFigure.HeightFor(grid.HeightFor(160)),
                $"{heading.Figure()} Histograms of test scores (20 bins), grey: true negatives, coloured: true positives; {context.PoolingNote}. " +
                "Counts are on a log axis, since at this imbalance the positives would not show on a linear one. " +
                "Grey dashed line: threshold 0.5" + (context.Objectives.Count > 0
                    ? "; lines in the loss's colour: the threshold tuned on validation for each objective (line style as in the key), mean over seeds."
                    : "."));
        });
}
