using LossLab.Evaluation;
using LossLab.Reports.Data;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace LossLab.Reports.Figures;

/// <summary>
/// Reliability diagram of one loss: mean score against observed positive rate per equal-width bin, the diagonal of
/// perfect calibration, and the rows per bin as grey bars on a log axis at the right (a bin of 3 rows is noise).
/// </summary>
internal static class ReliabilityFigure
{
    private const string CountAxis = "counts";
    private const string RateAxis = "rate";

    public static PlotModel Panel(FontSet fonts, LossStyle style, ScoreSet scores, string title, int bins = 10) =>
        scores.Count == 0
            ? Plots.Empty(fonts, title, "no completed run")
            : Panel(fonts, style, Calibration.Reliability(scores.Labels, scores.Scores, bins), title);

    /// <summary>From bins already computed (the review's equal-width or equal-count bins).</summary>
    public static PlotModel Panel(FontSet fonts, LossStyle style, IReadOnlyList<ReliabilityBin> reliability, string title)
    {
        if (reliability.All(b => b.Count == 0))
            return Plots.Empty(fonts, title, "no rows");
        var model = Plots.Model(fonts, title);
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "mean score in bin", 0, 1));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, "fraction positive", 0, 1, key: RateAxis));
        var maxCount = Math.Max(1, reliability.Max(b => b.Count));
        // Equal-count bins are not of equal width: the bars span each bin's own edges either way.
        var counts = Plots.Log(AxisPosition.Right, "", 0.8, maxCount * 40, key: CountAxis);
        counts.MajorGridlineStyle = LineStyle.None;
        model.Axes.Add(counts);

        var bars = new RectangleBarSeries
        {
            FillColor = OxyColor.FromAColor(60, OxyColors.Gray),
            StrokeColor = OxyColor.FromAColor(120, OxyColors.Gray),
            StrokeThickness = 0.4,
            YAxisKey = CountAxis,
            RenderInLegend = false,
        };
        foreach (var bin in reliability.Where(b => b.Count > 0))
            bars.Items.Add(new RectangleBarItem(bin.Lower, 0.8, bin.Upper, bin.Count));
        model.Series.Add(bars);

        var diagonal = Plots.Reference(null, new DataPoint(0, 0), new DataPoint(1, 1));
        diagonal.YAxisKey = RateAxis;
        model.Series.Add(diagonal);

        var curve = new LineSeries
        {
            Color = style.Color,
            LineStyle = style.Line,
            StrokeThickness = 1.4,
            MarkerType = style.Marker,
            MarkerSize = 2.6,
            MarkerFill = OxyColors.White,
            MarkerStroke = style.Color,
            MarkerStrokeThickness = 1,
            YAxisKey = RateAxis,
            RenderInLegend = false,
        };
        curve.Points.AddRange(reliability.Where(b => b.Count > 0).Select(b => new DataPoint(b.MeanScore, b.FractionPositive)));
        model.Series.Add(curve);
        return model;
    }
}
