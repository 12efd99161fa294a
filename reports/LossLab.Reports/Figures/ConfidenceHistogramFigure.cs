using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace LossLab.Reports.Figures;

/// <summary>
/// Histogram of test scores split by true class, one panel per loss, counts on a log axis (at 99:1 the positives
/// would be invisible on a linear one). Vertical lines mark 0.5 and every tuned threshold, in the objective's line
/// style (<see cref="ObjectiveStyles"/>), named by a key above the figure rather than by labels that would collide.
/// </summary>
internal static class ConfidenceHistogramFigure
{
    private const double LogFloor = 0.6;
    private static readonly OxyColor NegativeFill = OxyColor.FromAColor(150, OxyColor.FromRgb(0x9A, 0x9A, 0x9A));

    public static PlotModel Panel(FontSet fonts, LossStyle style, ScoreSet scores, IReadOnlyList<TunedMark> tuned) =>
        scores.Count == 0
            ? Plots.Empty(fonts, style.Loss, "no completed run")
            : Panel(fonts, style, style.Loss, Calibration.Histogram(scores.Labels, scores.Scores, bins: 20), tuned);

    /// <summary>From a histogram already computed (the review's), with any number of tuned thresholds marked.</summary>
    public static PlotModel Panel(FontSet fonts, LossStyle style, string title, ConfidenceHistogram histogram, IReadOnlyList<TunedMark> tuned)
    {
        var model = Plots.Model(fonts, title);
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "score", 0, 1));
        var maxCount = Math.Max(1, histogram.Negatives.Concat(histogram.Positives).DefaultIfEmpty(0).Max());
        model.Axes.Add(Plots.Log(AxisPosition.Left, "rows (log)", LogFloor, maxCount * 2.5));

        model.Series.Add(Bars("negatives", histogram.Edges, histogram.Negatives, NegativeFill, OxyColor.FromRgb(0x60, 0x60, 0x60)));
        model.Series.Add(Bars("positives", histogram.Edges, histogram.Positives, style.Faded(170), style.Color));

        model.Annotations.Add(Threshold(0.5, ObjectiveStyles.FixedThresholdLine, Plots.ReferenceColor, 0.9));
        foreach (var mark in tuned.Where(m => double.IsFinite(m.Threshold)))
            model.Annotations.Add(Threshold(mark.Threshold, ObjectiveStyles.Line(mark.Objective), style.Color, 1.3));
        return model;
    }

    private static RectangleBarSeries Bars(string title, double[] edges, int[] counts, OxyColor fill, OxyColor stroke)
    {
        var series = new RectangleBarSeries { Title = title, FillColor = fill, StrokeColor = stroke, StrokeThickness = 0.5 };
        for (var b = 0; b < counts.Length && b + 1 < edges.Length; b++)
        {
            if (counts[b] > 0)
                series.Items.Add(new RectangleBarItem(edges[b], LogFloor, edges[b + 1], counts[b]));
        }

        return series;
    }

    private static LineAnnotation Threshold(double x, LineStyle line, OxyColor color, double thickness) => new()
    {
        Type = LineAnnotationType.Vertical,
        X = x,
        Color = color,
        StrokeThickness = thickness,
        LineStyle = line,
    };
}
