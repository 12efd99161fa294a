using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;

namespace LossLab.Reports.Figures;

/// <summary>ROC curves overlaid, one per loss, with the chance diagonal; the legend carries each loss's AUC.</summary>
internal static class RocFigure
{
    /// <param name="curves">Per loss (in palette order): the scores to draw and the legend text.</param>
    public static PlotFigure Build(FontSet fonts, LossPalette palette, IReadOnlyList<(string Loss, ScoreSet Scores, string Legend)> curves, string rows = "test split")
    {
        var model = Plots.Model(fonts, $"ROC ({rows})");
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "false positive rate", 0, 1));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, "true positive rate", 0, 1.01));
        model.Series.Add(Plots.Reference("chance", new DataPoint(0, 0), new DataPoint(1, 1)));
        Plots.AddLossCurves(model, palette, curves, scores =>
        {
            var roc = RankingMetrics.Roc(scores.Labels, scores.Scores);
            return (roc.Fpr, roc.Tpr);
        });

        Plots.AddLegendAbove(model);
        return new PlotFigure(model, fonts);
    }
}
