using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace LossLab.Reports.Figures;

/// <summary>
/// Precision, recall and F1 against the threshold: one panel per metric with every loss overlaid (so each loss
/// keeps its own colour and dash, as everywhere else), and each loss's tuned threshold as a short tick at the top.
/// </summary>
internal static class ThresholdCurvesFigure
{
    public static PanelGrid Build(FontSet fonts, LossPalette palette, IReadOnlyList<(string Loss, ScoreSet Scores, IReadOnlyList<double> Tuned)> losses)
    {
        var sweeps = losses
            .Where(l => l.Scores.HasBothClasses)
            .Select(l => (l.Loss, Curve: ThresholdSweep.Compute(l.Scores.Labels, l.Scores.Scores), l.Tuned))
            .ToList();
        var panels = new List<PlotFigure>
        {
            new(Panel(fonts, palette, sweeps, "Precision", c => c.Precision, legend: true), fonts),
            new(Panel(fonts, palette, sweeps, "Recall", c => c.Recall, legend: false), fonts),
            new(Panel(fonts, palette, sweeps, "F1", c => c.F1, legend: false), fonts),
        };
        return new PanelGrid(panels, columns: 3);
    }

    private static PlotModel Panel(FontSet fonts, LossPalette palette, List<(string Loss, ThresholdCurve Curve, IReadOnlyList<double> Tuned)> sweeps,
        string metric, Func<ThresholdCurve, double[]> values, bool legend)
    {
        if (sweeps.Count == 0)
            return Plots.Empty(fonts, metric, "no completed run with both classes");
        var model = Plots.Model(fonts, $"{metric} vs threshold");
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "threshold", 0, 1));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, metric.ToLowerInvariant(), 0, 1.08));
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical, X = 0.5, Color = Plots.ReferenceColor, LineStyle = LineStyle.Dot, StrokeThickness = 0.8,
        });

        for (var i = 0; i < sweeps.Count; i++)
        {
            var (loss, curve, tuned) = sweeps[i];
            var style = palette[loss];
            var series = Plots.LossLine(style, loss, thickness: 1.4, markers: 5, phase: (double)i / sweeps.Count);
            series.Points.AddRange(Decimate.Curve(curve.Thresholds, values(curve)));
            model.Series.Add(series);
            foreach (var t in tuned.Where(double.IsFinite))
            {
                // A tick from the top edge down, in the loss's style: visible without covering the curves.
                model.Annotations.Add(new LineAnnotation
                {
                    Type = LineAnnotationType.Vertical, X = t, MinimumY = 1.0, MaximumY = 1.08,
                    Color = style.Color, LineStyle = LineStyle.Solid, StrokeThickness = 2.2,
                });
            }
        }

        if (legend)
            Plots.AddLegend(model, LegendPosition.RightBottom);
        return model;
    }
}
