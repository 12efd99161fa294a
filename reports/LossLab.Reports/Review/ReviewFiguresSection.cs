using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Sections;
using OxyPlot.SkiaSharp;

namespace LossLab.Reports.Review;

/// <summary>Review sections 2–5: ranking curves, score histogram, reliability, and threshold behaviour, on the judged rows.</summary>
internal sealed class ReviewFiguresSection(ReviewContext context) : IComponent
{
    private ThresholdKey Key(bool markers) => ThresholdKey.ForObjectives(context.Fonts, context.Thresholds.Select(t => t.Objective), markers);

    public void Compose(IContainer container)
    {
        var review = context.Review;
        var judged = context.Judged;
        var name = ReviewContext.SeriesName;
        var tuned = context.Thresholds.Select((t, i) => new TunedMark(i, t.Result.Threshold)).ToList();
        container.Column(column =>
        {
            column.Spacing(10);
            IReadOnlyList<(string, ScoreSet, string)> curves = [(name, judged, $"AUC {Format.Metric(review.Metrics.RocAuc)}, AP {Format.Metric(review.Metrics.AveragePrecision)}")];
            column.Item().HeadedFigure("2", "Ranking", new PanelGrid([RocFigure.Build(context.Fonts, context.Palette, curves, review.JudgedOn), PrecisionRecallFigure.Build(context.Fonts, context.Palette, curves, review.JudgedOn)], 2), 240,
                $"Figure 2. ROC (left) and precision–recall (right) of the judged rows ({review.JudgedOn}, {Format.Count(judged.Count)} rows).");

            var panels = new List<IFigureContent>
            {
                new PlotFigure(ConfidenceHistogramFigure.Panel(context.Fonts, context.Style, "Scores by true class", review.Histogram, tuned), context.Fonts),
                new PlotFigure(ReliabilityFigure.Panel(context.Fonts, context.Style, review.Reliability, $"Equal-width bins: ECE {Format.Metric(review.Metrics.Ece)}"), context.Fonts),
                new PlotFigure(ReliabilityFigure.Panel(context.Fonts, context.Style, review.ReliabilityEqualCount, "Equal-count bins"), context.Fonts),
            };
            column.Item().HeadedFigure("3", "Confidence and calibration", new KeyedFigure(Key(markers: false), new PanelGrid(panels, 3)), KeyedFigure.HeightFor(175),
                "Figure 3. Left: histogram of judged scores (20 bins, log counts; grey negatives, coloured positives), grey dashed 0.5, and each tuned threshold in its line style (key above). " +
                "Middle and right: reliability diagrams with 10 equal-width and 10 equal-count bins; grey bars are rows per bin (right-hand log axis).");

            var sweep = ThresholdCurvesFigure.Build(context.Fonts, context.Palette, [(name, judged, tuned)]);
            column.Item().HeadedFigure("4", "Thresholds", new KeyedFigure(Key(markers: true), sweep), KeyedFigure.HeightFor(sweep.HeightFor(170)),
                "Figure 4a. Precision, recall and F1 of the judged rows against the threshold; markers above the curves, one row per objective (key above), " +
                "mark each tuned threshold; grey dashed line 0.5.");

            var color = context.Style.Color.ToSKColor();
            var matrices = new List<IFigureContent> { new ConfusionMatrixPanel(context.Fonts, "@0.5", review.Metrics.Tp, review.Metrics.Fp, review.Metrics.Tn, review.Metrics.Fn, color) };
            matrices.AddRange(context.Thresholds.Select(t => (IFigureContent)new ConfusionMatrixPanel(context.Fonts,
                $"@{t.Objective} ({Format.Metric(t.Result.Threshold, 3)})", t.Result.Test.Tp, t.Result.Test.Fp, t.Result.Test.Tn, t.Result.Test.Fn, color)));
            var grid = new PanelGrid(matrices, Math.Min(3, matrices.Count));
            column.Item().Figure(grid, grid.HeightFor(95), $"Figure 4b. Confusion matrices of the judged rows at 0.5 and at each tuned threshold (tuned on {review.TunedOn}); under each count, its share of the true class's row.");
        });
    }
}
