using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Sections;

namespace LossLab.Reports.Review;

/// <summary>The review's appendix: how the numbers were made, so the review can be repeated.</summary>
internal sealed class ReviewAppendixSection(ReviewContext context) : IReportSection
{
    public string Title => "Reproducibility";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var review = context.Review;
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            column.Item().KeyValues("Item", "Value",
            [
                ("Source", review.Source),
                ("Split column", review.SplitColumnUsed ? "used: tuned on validation rows, judged on test rows" : "absent: tuned and judged on the same rows (optimistic)"),
                ("Objectives", review.Thresholds.Count == 0 ? "none" : string.Join(", ", review.Thresholds.Keys)),
                ("Bootstrap", $"{Format.Count(review.BootstrapResamples)} resamples, seed {review.BootstrapSeed}, {Format.Percent(review.BootstrapConfidence, 0)} percentile intervals, stratified by class"),
                ("Schema", review.SchemaVersion),
                ("Report font", context.Fonts.Description),
            ]);
        });
    }
}
