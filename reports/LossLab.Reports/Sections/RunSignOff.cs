using LossLab.Evaluation.Results;
using LossLab.Reports.Data;

namespace LossLab.Reports.Sections;

/// <summary>The deployment and sign-off pages of a run report, from results.json.</summary>
internal static class RunSignOff
{
    public static DeploymentFacts? Deployment(ExperimentResults results, IReadOnlyList<string> losses)
    {
        if (results.Prevalence is not { } prevalence) return null;
        var views = losses.Select(l => (Loss: l, Views: results.Runs.Where(r => r.Loss == l && r.Deployment is not null).Select(r => r.Deployment!).ToList()))
            .Where(v => v.Views.Count > 0).ToList();
        if (views.Count == 0) return null;
        var first = views[0].Views[0];
        return new DeploymentFacts(
            prevalence,
            views.SelectMany(v => v.Views).Average(v => v.SamplePrevalence),
            first.Costs,
            [.. views.Select(v => ((string?)v.Loss, v.Views.Average(d => d.SampleAveragePrecision), v.Views.Average(d => d.DeploymentAveragePrecision)))],
            [.. views.SelectMany(v => v.Views[0].OperatingPoints.Select((p, i) =>
                ((string?)v.Loss, DeploymentTable.Mean([.. v.Views.Select(d => d.OperatingPoints[i])]))))],
            "test rows of every completed seed; each value is the mean over seeds, each seed at its own tuned threshold");
    }

    public static SignOffFacts? Facts(ExperimentResults results)
    {
        if (results.Gates.Count == 0) return null;
        var gates = results.Gates.SelectMany(l => l.Results.Select(g => ((string?)l.Loss, g))).ToList();
        var d = results.Dataset;
        var identity = new List<(string, string)>
        {
            ("Experiment", $"{results.Name}, started {results.StartedAt:yyyy-MM-dd HH:mm} UTC"),
            ("Data", $"{d.Plugin} ({Format.Options(results.Experiment.Dataset.Options)}): {Format.Count(d.Rows)} rows, {Format.Count(d.Positives)} positive; source {d.Source}"),
            ("Data SHA-256", string.IsNullOrEmpty(d.Sha256) ? "not recorded" : d.Sha256),
            ("Model", $"{results.Model.Plugin} ({Format.Options(results.Experiment.Model.Options)}), {Format.Count((int)results.Model.Parameters)} parameters"),
        };
        if (results.Model.Weights is { } weights) identity.Add(("Pretrained weights", WeightsFacts.File(weights)));
        identity.AddRange(results.Plugins.Select(p => ($"{p.Kind} plugin {p.Name}", $"{Path.GetFileName(p.Source)} SHA-256 {p.Sha256}")));
        string objective = results.Gates.SelectMany(l => l.Results).Select(g => g.At).FirstOrDefault(a => a is not null)
            ?? results.ThresholdObjectives.FirstOrDefault() ?? "0.5";
        var shipped = results.Runs.Where(r => r.Status == RunStatus.Completed).Select(r =>
        {
            string threshold = r.Thresholds.TryGetValue(objective, out var t) ? $"{Format.Metric(t.Threshold, 4)} ({objective}, tuned on {t.TunedOn} of seed {r.Seed})" : "0.5";
            string model = r.ModelPath is null ? "model not saved" : $"{r.ModelPath} SHA-256 {r.ModelSha256 ?? "not recorded"}";
            return ($"{r.Loss}, seed {r.Seed}", $"threshold {threshold}; {model}");
        }).ToList();
        return new SignOffFacts(
            $"Experiment '{results.Title}': every loss is judged against the experiment's gates; each value is the mean over the loss's completed seeds, " +
            $"each interval a class-stratified bootstrap of their test rows. Each trained model ships with the threshold tuned on its own validation split.",
            gates, results.Bootstrap?.Confidence ?? results.Experiment.Bootstrap.Confidence, identity, shipped);
    }
}
