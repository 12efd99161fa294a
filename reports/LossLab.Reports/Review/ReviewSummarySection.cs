using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Sections;
using LossLab.Reports.Verdict;
using SkiaSharp;

namespace LossLab.Reports.Review;

/// <summary>The review's summary: what was reviewed, the optimism warning when it applies, metrics with intervals, thresholds.</summary>
internal sealed class ReviewSummarySection(ReviewContext context) : IReportSection
{
    public string Title => "Summary";

    private static readonly TextStyle Warning = new(10, Bold: true, Color: new SKColor(0xB0, 0x30, 0x00));

    private static readonly string[] HeadlineMetrics = ["roc_auc", "average_precision", "brier", "log_loss", "ece", "f1", "precision", "recall", "mcc", "accuracy"];

    public void Compose(IContainer container, SectionHeading heading)
    {
        var review = context.Review;
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            if (review.Optimistic)
                column.Item().Padding(4).Text("Optimistic: tuned and judged on the same rows. Metrics at tuned thresholds overstate what new data would give.", Warning);
            column.Item().KeyValues("Item", "Value",
            [
                ("Source", review.Source),
                ("Rows", $"{Format.Count(review.N)} rows, {Format.Count(review.Positives)} positive ({Format.Percent(review.N == 0 ? double.NaN : (double)review.Positives / review.N)})"),
                ("Tuned on", $"{review.TunedOn}: {Format.Count(review.TuningRows)} rows, {Format.Count(review.TuningPositives)} positive"),
                ("Judged on", $"{review.JudgedOn}: {Format.Count(review.JudgedRows)} rows, {Format.Count(review.JudgedPositives)} positive"),
                ("Note", review.Note),
                .. Verdicts(review),
            ]);

            column.Item().Subheading("Metrics at threshold 0.5");
            var values = MetricNames.ToDictionary(review.Metrics);
            column.Item().SimpleTable([("Metric", 1.3f), ("Value", 1f), ($"{Format.Percent(review.BootstrapConfidence, 0)} bootstrap interval", 1.6f)],
                HeadlineMetrics.Select(m => (IReadOnlyList<string>)[MetricLabels.Short(m), Format.Metric(values[m]), Interval(m)]));
            column.Item().Note($"Intervals: class-stratified bootstrap of the judged rows, {Format.Count(review.BootstrapResamples)} resamples (seed {review.BootstrapSeed}). " +
                $"Accuracy is shown for completeness only: predicting all-negative would score {Format.Percent(review.JudgedRows == 0 ? double.NaN : 1 - (double)review.JudgedPositives / review.JudgedRows)} here.");

            column.Item().Subheading("Tuned thresholds");
            if (review.Thresholds.Count == 0)
            {
                column.Item().Paragraph("No threshold objective was requested.");
                return;
            }

            // Objective wide enough for precision>=0.95 on one line: a word wider than its column is cut between characters.
            column.Item().SimpleTable(
                [("Objective", 1.6f), ("Threshold", 0.9f), ("Tuned on", 1f), ("Objective value", 1f), ("F1", 0.6f), ("F1 interval", 1.2f), ("Precision", 0.9f), ("Recall", 0.7f), ("TP / FP / TN / FN", 1.4f)],
                context.Thresholds.Select(t => (IReadOnlyList<string>)
                [
                    t.Objective + (t.Result.Feasible ? "" : " (infeasible)"), Format.Metric(t.Result.Threshold, 4), t.Result.TunedOn, Format.Metric(t.Result.ObjectiveValue),
                    Format.Metric(t.Result.Test.F1), Interval($"f1@{t.Objective}"), Format.Metric(t.Result.Test.Precision), Format.Metric(t.Result.Test.Recall),
                    $"{t.Result.Test.Tp} / {t.Result.Test.Fp} / {t.Result.Test.Tn} / {t.Result.Test.Fn}",
                ]));
            column.Item().Note($"Metrics at each tuned threshold are on the judged rows ({review.JudgedOn}). 'Infeasible': no threshold met the objective's floor; the closest one is shown.");
        });
    }

    /// <summary>The gate verdict and the deployment prevalence up front; their pages come last.</summary>
    private static IEnumerable<(string, string)> Verdicts(ReviewResults review)
    {
        if (review.GatesPassed is { } passed)
            yield return ("Gates", passed ? $"all {review.Gates.Count} passed (sign-off page)"
                : $"{review.Gates.Count(g => !g.Passed)} of {review.Gates.Count} FAILED: {string.Join("; ", review.Gates.Where(g => !g.Passed).Select(g => g.Gate))} (sign-off page)");
        if (review.Deployment is { } d)
            yield return ("Deployment", $"{Format.Percent(d.Prevalence, 2)} positives expected; precision, F1 and AP at it on the deployment page");
    }

    private string Interval(string key) =>
        Format.Range(context.Review.Bootstrap.GetValueOrDefault(key));
}
