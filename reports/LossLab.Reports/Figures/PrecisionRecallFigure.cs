using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;

namespace LossLab.Reports.Figures;

/// <summary>
/// Precision–recall curves overlaid, with the no-skill line at the positive rate. At 99:1 this is the plot that
/// separates losses: ROC curves of very different models all hug the top-left corner.
/// </summary>
internal static class PrecisionRecallFigure
{
    public static PlotFigure Build(FontSet fonts, LossPalette palette, IReadOnlyList<(string Loss, ScoreSet Scores, string Legend)> curves, string rows = "test split")
    {
        var model = Plots.Model(fonts, $"Precision–recall ({rows})");
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "recall", 0, 1));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, "precision", 0, 1.01));
        var prevalence = curves.Where(c => c.Scores.Count > 0).Select(c => (double)c.Scores.Positives / c.Scores.Count).DefaultIfEmpty(0).First();
        model.Series.Add(Plots.Reference($"no skill ({Format.Percent(prevalence)} positive)", new DataPoint(0, prevalence), new DataPoint(1, prevalence)));
        Plots.AddLossCurves(model, palette, curves, scores =>
        {
            var pr = RankingMetrics.PrecisionRecall(scores.Labels, scores.Scores);
            return (pr.Recall, pr.Precision);
        });

        Plots.AddLegendAbove(model);
        return new PlotFigure(model, fonts);
    }
}
