using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Sections;

namespace LossLab.Reports.Review;

/// <summary>The deployment and sign-off pages of a review, from review.json.</summary>
internal static class ReviewSignOff
{
    public static DeploymentFacts? Deployment(ReviewResults review) => review.Deployment is not { } d ? null
        : new DeploymentFacts(d.Prevalence, d.SamplePrevalence, d.Costs, [(null, d.SampleAveragePrecision, d.DeploymentAveragePrecision)],
            [.. d.OperatingPoints.Select(p => ((string?)null, p))], $"judged rows: {review.JudgedOn}");

    public static SignOffFacts? Facts(ReviewResults review)
    {
        if (review.Gates.Count == 0) return null;
        var identity = new List<(string, string)>
        {
            ("Predictions", review.Identity?.DataPath ?? review.Source),
            ("Predictions SHA-256", review.Identity?.DataSha256 ?? "not recorded"),
            ("Rows", $"{Format.Count(review.N)} ({Format.Count(review.Positives)} positive); tuned on {review.TunedOn}, judged on {review.JudgedOn}"),
            ("Model", review.Identity?.ModelPath ?? "not given (pass --model to identify it)"),
        };
        if (review.Identity?.ModelSha256 is { } model) identity.Add(("Model SHA-256", model));
        if (review.Identity is { } id)
        {
            if (id.ScoredDataPath is { } data) identity.Add(("Data scored", $"{data} SHA-256 {id.ScoredDataSha256 ?? "not recorded"}"));
            if (id.ScoresProducedBy is { } how) identity.Add(("Scores produced by", how));
            identity.Add(("Filters", id.Filters.Count == 0 ? "none: every row of the file" : string.Join(", ", id.Filters.Select(f => "--where " + f))));
            if (id.RowsSha256 is { } rows) identity.Add(("Rows judged SHA-256", rows));
            identity.Add(("Split column", id.SplitColumn is null ? "none" : $"'{id.SplitColumn}' ({id.SplitColumnChoice})"));
            identity.Add(("Scores", id.ScoreKind == "logit" ? "logits, turned into probabilities by σ" : "probabilities"));
        }
        var shipped = review.Shipped is not { } s ? [] : new List<(string, string)>
        {
            ("Threshold", $"{Format.Metric(s.Threshold, 4)} from {s.Objective}"),
            ("Tuned on", $"{s.TunedOn}: {Format.Count(review.TuningRows)} rows, {Format.Count(review.TuningPositives)} positive" +
                (review.Optimistic ? " (the same rows it was judged on: optimistic)" : "")),
            ("At it, on " + review.JudgedOn, $"precision {Format.Metric(s.Test.Precision)}, recall {Format.Metric(s.Test.Recall)}, F1 {Format.Metric(s.Test.F1)}"),
        };
        return new SignOffFacts(
            $"Review of {Path.GetFileName(review.Source)}: each gate is judged on the {review.JudgedOn} rows at its operating point's tuned threshold, " +
            $"or on the bootstrap interval's pessimistic end where it says so ({Format.Count(review.BootstrapResamples)} resamples).",
            [.. review.Gates.Select(g => ((string?)null, g))], review.BootstrapConfidence, identity, shipped);
    }
}
