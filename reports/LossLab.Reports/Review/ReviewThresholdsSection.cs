using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Sections;
using OxyPlot.SkiaSharp;

namespace LossLab.Reports.Review;

/// <summary>Precision, recall and F1 of the judged rows against the threshold, and confusion matrices at 0.5 and at each tuned threshold.</summary>
internal sealed class ReviewThresholdsSection(ReviewContext context) : IReportSection
{
    public string Title => "Thresholds";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var review = context.Review;
        container.Column(column =>
        {
            // The review's figure sections share a page at this spacing (ReviewReport); the confusion matrices keep it.
            column.Spacing(ReviewReport.FigureSpacing);
            var sweep = ThresholdCurvesFigure.Build(context.Fonts, context.Palette, [(ReviewContext.SeriesName, context.Judged, context.TunedMarks)]);
            column.Item().HeadedFigure(heading, new KeyedFigure(context.ThresholdKey(markers: true), sweep), KeyedFigure.HeightFor(sweep.HeightFor(170)),
                $"{heading.Figure("a")} Precision, recall and F1 of the judged rows against the threshold; markers above the curves, one row per objective (key above), " +
                "mark each tuned threshold; grey dashed line 0.5.");

            var color = context.Style.Color.ToSKColor();
            var matrices = new List<IFigureContent> { new ConfusionMatrixPanel(context.Fonts, "@0.5", review.Metrics.Tp, review.Metrics.Fp, review.Metrics.Tn, review.Metrics.Fn, color) };
            matrices.AddRange(context.Thresholds.Select(t => (IFigureContent)new ConfusionMatrixPanel(context.Fonts,
                $"@{t.Objective} ({Format.Metric(t.Result.Threshold, 3)})", t.Result.Test.Tp, t.Result.Test.Fp, t.Result.Test.Tn, t.Result.Test.Fn, color)));
            var grid = new PanelGrid(matrices, Math.Min(3, matrices.Count));
            column.Item().Figure(grid, grid.HeightFor(95), $"{heading.Figure("b")} Confusion matrices of the judged rows at 0.5 and at each tuned threshold (tuned on {review.TunedOn}); under each count, its share of the true class's row.");
        });
    }
}
