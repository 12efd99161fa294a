using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>ROC and precision–recall curves, overlaid per loss.</summary>
internal sealed class RankingSection(RunReportContext context) : IReportSection
{
    public string Title => "Ranking";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var losses = context.Losses.Where(context.Test.Has).ToList();
            if (losses.Count == 0)
            {
                column.Item().Paragraph("No completed run left test predictions, so there are no curves to draw.");
                return;
            }

            var roc = losses.Select(l => (l, context.Test.Pooled(l), $"{l} (AUC {Format.MeanSd(context.TestStatistic(l, "roc_auc"))})")).ToList();
            var pr = losses.Select(l => (l, context.Test.Pooled(l), $"{l} (AP {Format.MeanSd(context.TestStatistic(l, "average_precision"))})")).ToList();
            var grid = new PanelGrid([RocFigure.Build(context.Fonts, context.Palette, roc), PrecisionRecallFigure.Build(context.Fonts, context.Palette, pr)], columns: 2);
            var missing = context.Losses.Except(losses).ToList();
            column.Item().Figure(grid, 250,
                $"{heading.Figure()} ROC (left) and precision–recall (right), {context.PoolingNote}. Legend values are the mean ± sd over seeds of the per-seed AUC and AP. " +
                "At heavy imbalance the PR curve is the informative one: the no-skill line sits at the positive rate." +
                (missing.Count > 0 ? $" Not drawn (no completed run): {string.Join(", ", missing)}." : ""));
        });
}
