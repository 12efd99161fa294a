using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;

namespace LossLab.Reports.Figures;

/// <summary>
/// Precision, recall and F1 against the threshold: one panel per metric with every loss overlaid (so each loss
/// keeps its own colour and dash, as everywhere else), and each loss's tuned thresholds as markers above the curves:
/// one row per objective, in the objective's marker (<see cref="ObjectiveStyles"/>) and the loss's colour.
/// </summary>
internal static class ThresholdCurvesFigure
{
    private const double RowHeight = 0.07;

    public static PanelGrid Build(FontSet fonts, LossPalette palette, IReadOnlyList<(string Loss, ScoreSet Scores, IReadOnlyList<TunedMark> Tuned)> losses)
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

    private static PlotModel Panel(FontSet fonts, LossPalette palette, List<(string Loss, ThresholdCurve Curve, IReadOnlyList<TunedMark> Tuned)> sweeps,
        string metric, Func<ThresholdCurve, double[]> values, bool legend)
    {
        if (sweeps.Count == 0)
            return Plots.Empty(fonts, metric, "no completed run with both classes");
        var model = Plots.Model(fonts, $"{metric} vs threshold");
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "threshold", 0, 1));
        // Above 1 on the y axis: a band of RowHeight per objective holds the tuned-threshold markers, clear of the curves.
        var rows = Math.Max(1, sweeps.SelectMany(s => s.Tuned).Select(m => m.Objective + 1).DefaultIfEmpty(1).Max());
        var axis = Plots.Linear(AxisPosition.Left, metric.ToLowerInvariant(), 0, 1.02 + rows * RowHeight);
        // Ticks at 0, 0.5, 1 only: a tick label in the marker band would read as a value.
        axis.MajorStep = 0.5;
        model.Axes.Add(axis);
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical, X = 0.5, Color = Plots.ReferenceColor, LineStyle = ObjectiveStyles.FixedThresholdLine, StrokeThickness = 0.8,
        });

        for (var i = 0; i < sweeps.Count; i++)
        {
            var (loss, curve, tuned) = sweeps[i];
            var style = palette[loss];
            var series = Plots.LossLine(style, loss, thickness: 1.4, markers: 5, phase: (double)i / sweeps.Count);
            series.Points.AddRange(Decimate.Curve(curve.Thresholds, values(curve)));
            model.Series.Add(series);
            foreach (var mark in tuned.Where(m => double.IsFinite(m.Threshold)))
            {
                model.Annotations.Add(new PointAnnotation
                {
                    X = mark.Threshold, Y = 1.02 + (mark.Objective + 0.5) * RowHeight, Shape = ObjectiveStyles.Marker(mark.Objective), Size = 2.6,
                    Fill = style.Color, Stroke = OxyColors.White, StrokeThickness = 0.4,
                });
            }
        }

        if (legend)
            Plots.AddLegendAbove(model);
        return model;
    }
}
