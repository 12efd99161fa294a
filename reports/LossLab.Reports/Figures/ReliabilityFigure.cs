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

    private const double MarkerRoom = 0.04;

    private static LinearAxis UnitAxis(AxisPosition position, string title, string? key)
    {
        var axis = Plots.Linear(position, title, -MarkerRoom, 1 + MarkerRoom, key);
        axis.MajorStep = 0.5;
        return axis;
    }

    /// <summary>
    /// From bins already computed (the review's equal-width or equal-count bins). Equal-count bins hold the same rows
    /// each, so count bars would all be one height and merge into one block: <paramref name="countBars"/> false marks
    /// the bin edges along the bottom instead.
    /// </summary>
    public static PlotModel Panel(FontSet fonts, LossStyle style, IReadOnlyList<ReliabilityBin> reliability, string title, bool countBars = true)
    {
        if (reliability.All(b => b.Count == 0))
            return Plots.Empty(fonts, title, "no rows");
        var model = Plots.Model(fonts, title);
        // A marker's width of room past 0 and 1, so a bin at a fraction of 0 or 1 shows its whole marker, not half.
        model.Axes.Add(UnitAxis(AxisPosition.Bottom, "mean score in bin", null));
        model.Axes.Add(UnitAxis(AxisPosition.Left, "fraction positive", RateAxis));
        if (countBars)
            AddCountBars(model, reliability);
        else
            AddBinEdges(model, reliability);

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

    /// <summary>Rows per bin as grey bars on a log axis at the right; each bar spans its bin's own edges.</summary>
    private static void AddCountBars(PlotModel model, IReadOnlyList<ReliabilityBin> reliability)
    {
        var maxCount = Math.Max(1, reliability.Max(b => b.Count));
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
    }

    /// <summary>A short grey tick at each inner bin edge, rising from the bottom of the plot.</summary>
    private static void AddBinEdges(PlotModel model, IReadOnlyList<ReliabilityBin> reliability)
    {
        foreach (var edge in reliability.Skip(1).Select(b => b.Lower))
        {
            model.Annotations.Add(new OxyPlot.Annotations.LineAnnotation
            {
                Type = OxyPlot.Annotations.LineAnnotationType.Vertical, X = edge, MinimumY = -MarkerRoom, MaximumY = 0.08,
                Color = Plots.ReferenceColor, StrokeThickness = 0.6, LineStyle = LineStyle.Solid, YAxisKey = RateAxis,
            });
        }
    }
}
