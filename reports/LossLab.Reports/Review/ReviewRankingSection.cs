using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Sections;

namespace LossLab.Reports.Review;

/// <summary>ROC and precision–recall curves of the judged rows.</summary>
internal sealed class ReviewRankingSection(ReviewContext context) : IReportSection
{
    public string Title => "Ranking";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var review = context.Review;
        IReadOnlyList<(string, ScoreSet, string)> curves =
            [(ReviewContext.SeriesName, context.Judged, $"AUC {Format.Metric(review.Metrics.RocAuc)}, AP {Format.Metric(review.Metrics.AveragePrecision)}")];
        container.HeadedFigure(heading, new PanelGrid([RocFigure.Build(context.Fonts, context.Palette, curves, review.JudgedOn), PrecisionRecallFigure.Build(context.Fonts, context.Palette, curves, review.JudgedOn)], 2), 240,
            $"{heading.Figure()} ROC (left) and precision–recall (right) of the judged rows ({review.JudgedOn}, {Format.Count(context.Judged.Count)} rows).");
    }
}
