using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Sections;

namespace LossLab.Reports.Review;

/// <summary>The judged scores by true class, and reliability diagrams with equal-width and equal-count bins.</summary>
internal sealed class ReviewCalibrationSection(ReviewContext context) : IReportSection
{
    public string Title => "Confidence and calibration";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var review = context.Review;
        var panels = new List<IFigureContent>
        {
            new PlotFigure(ConfidenceHistogramFigure.Panel(context.Fonts, context.Style, "Scores by true class", review.Histogram, context.TunedMarks), context.Fonts),
            new PlotFigure(ReliabilityFigure.Panel(context.Fonts, context.Style, review.Reliability, $"Equal-width bins: ECE {Format.Metric(review.Metrics.Ece)}"), context.Fonts),
            new PlotFigure(ReliabilityFigure.Panel(context.Fonts, context.Style, review.ReliabilityEqualCount, "Equal-count bins", countBars: false), context.Fonts),
        };
        container.HeadedFigure(heading, new KeyedFigure(context.ThresholdKey(markers: false), new PanelGrid(panels, 3)), KeyedFigure.HeightFor(175),
            $"{heading.Figure()} Left: histogram of judged scores (20 bins, log counts; grey negatives, coloured positives), grey dashed 0.5, and each tuned threshold in its line style (key above). " +
            "Middle: reliability diagram with 10 equal-width bins; grey bars are rows per bin (right-hand log axis). " +
            "Right: 10 equal-count bins (" + RowsPerBin(review.ReliabilityEqualCount) + "); grey ticks along the bottom mark the bin edges.");
    }

    /// <summary>"about 100 rows each": in the caption, as the panel is too narrow to hold it in its title.</summary>
    private static string RowsPerBin(IReadOnlyList<LossLab.Evaluation.ReliabilityBin> bins) =>
        bins.Count(b => b.Count > 0) is var filled and > 0
            ? $"about {bins.Sum(b => b.Count) / filled:N0} rows each"
            : "no rows";
}
