using LossLab.Evaluation.Results;

namespace LossLab.Reports.Data;

/// <summary>The setup of an experiment as label/value pairs, for the PDF summary and summary.md alike.</summary>
internal static class ExperimentFacts
{
    /// <summary>Skipped inputs named on the page; the rest are counted.</summary>
    private const int MaxSkippedShown = 8;

    /// <summary>The training settings as run, defaults included, so a reader sees what a file that set nothing got.</summary>
    public static string Training(LossLab.Evaluation.Experiments.TrainingSettings t) =>
        $"{(t.Epochs)} epochs at most, {(t.BatchSize == 0 ? "full batch" : $"batches of {t.BatchSize}")}, " +
        $"{LossLab.Evaluation.Experiments.JsonEnum.Name(t.Optimizer)} learning rate {t.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
        (t.WeightDecay > 0 ? $", weight decay {t.WeightDecay.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "") + "; " + Selection(t);

    /// <summary>Which epoch is scored, and when training stops, in words.</summary>
    public static string Selection(LossLab.Evaluation.Experiments.TrainingSettings t)
    {
        var monitor = LossLab.Evaluation.Experiments.JsonEnum.Name(t.EarlyStopping?.Monitor ?? LossLab.Evaluation.Experiments.MonitoredMetric.ValidationBce).Replace('_', ' ');
        var selection = t.SelectEpoch == LossLab.Evaluation.Experiments.EpochSelection.Best ? $"scored at the epoch with the best {monitor}" : "scored at the last epoch";
        return t.EarlyStopping is { } s
            ? $"{selection}; early stopping after {s.Patience} epochs without a {monitor} improvement" + (s.MinDelta > 0 ? $" larger than {s.MinDelta.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")
            : $"{selection}; no early stopping";
    }

    public static IEnumerable<(string Key, string Value)> For(ExperimentResults r)
    {
        var d = r.Dataset;
        yield return ("Dataset", $"{d.Plugin}{(string.IsNullOrEmpty(d.Source) ? "" : $" ({d.Source})")}; {Format.Options(r.Experiment.Dataset.Options)}");
        yield return ("Rows", $"{Format.Count(d.Rows)} rows, {Format.Count(d.Positives)} positive, {Format.Count(d.Negatives)} negative; ratio {Format.Ratio(d.Ratio)}" +
            (d.LoadedRows > 0 && d.LoadedRows != d.Rows ? $" (loaded {Format.Count(d.LoadedRows)} rows, {Format.Count(d.LoadedPositives)} positive, before the imbalance stage)" : ""));
        if (d.Splits.Count > 0)
        {
            var order = new[] { "train", "validation", "test" };
            yield return ("Splits", string.Join("; ", d.Splits.OrderBy(s => Array.IndexOf(order, s.Key) is var i && i < 0 ? 99 : i)
                .Select(s => $"{s.Key} {Format.Count(s.Value.Rows)} ({Format.Count(s.Value.Positives)} positive)")));
        }

        if (d.FeatureNames.Count > 0 || d.InputShape.Length > 0)
            yield return ("Input", $"shape [{string.Join(", ", d.InputShape)}]" + (d.FeatureNames.Count is > 0 and <= 12 ? $", features {string.Join(", ", d.FeatureNames)}" : ""));
        if (d.SkippedInputs.Count > 0)
            yield return ("Skipped", $"{Format.Count(d.SkippedInputs.Count)} unusable input{(d.SkippedInputs.Count == 1 ? "" : "s")} left out: " +
                string.Join("; ", d.SkippedInputs.Take(MaxSkippedShown).Select(s => $"{s.Path} ({s.Reason})")) +
                (d.SkippedInputs.Count > MaxSkippedShown ? $"; and {Format.Count(d.SkippedInputs.Count - MaxSkippedShown)} more (results.json lists every one)" : ""));
        if (r.Experiment.Training.Augment)
            yield return ("Augmentation", "every training image randomly resized-cropped (scale 0.08–1, ratio 3/4–4/3) and flipped (p 0.5), drawn per seed, epoch and batch: every loss of a seed sees the same images");
        yield return ("Model", $"{r.Model.Plugin}; {Format.Options(r.Experiment.Model.Options)}; {WeightsFacts.Parameters(r.Model)}");
        if (r.Model.Weights is { } weights)
        {
            yield return ("Weights", WeightsFacts.File(weights));
            yield return ("Weight keys", WeightsFacts.Keys(weights));
        }
        foreach (var loss in r.Losses)
            yield return ($"Loss: {loss.Name}", $"{loss.Plugin}; {Format.Options(r.LossOptions(loss.Name))}{(string.IsNullOrEmpty(loss.Description) ? "" : $" — {loss.Description}")}");
        yield return ("Training", Training(r.Experiment.Training));
        yield return ("Seeds", r.Seeds.Count == 0 ? "none" : string.Join(", ", r.Seeds));
        yield return ("Thresholds", r.ThresholdObjectives.Count == 0 ? "0.5 only" : $"0.5 and, tuned on validation: {string.Join(", ", r.ThresholdObjectives)}");
        if (r.Prevalence is { } prevalence)
            yield return ("Deployment", $"{Format.Percent(prevalence, 2)} positives expected; precision, F1, AP and cost at it on the deployment page");
        if (r.GatesPassed is { } passed)
        {
            var failed = r.Gates.Where(l => !l.Passed).Select(l => $"{l.Loss} ({string.Join("; ", l.Results.Where(g => !g.Passed).Select(g => g.Gate))})").ToList();
            yield return ("Gates", passed ? $"every loss passes all {r.Gates.FirstOrDefault()?.Results.Count ?? 0} gates (sign-off page)"
                : $"FAILED by {string.Join(", ", failed)}; passed by {(r.Gates.Any(l => l.Passed) ? string.Join(", ", r.Gates.Where(l => l.Passed).Select(l => l.Loss)) : "none")} (sign-off page)");
        }
    }
}
