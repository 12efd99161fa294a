using System.Globalization;
using System.Text;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Reports;

/// <summary>
/// metrics.csv: one row per run and threshold (0.5, then each tuned objective) with every test metric, for
/// analysis elsewhere. Runs that did not complete keep one row with their status and empty metrics, so nothing
/// disappears between results.json and the CSV.
/// </summary>
public static class MetricsCsv
{
    public const string DefaultObjective = "0.5";

    /// <summary>Writes metrics.csv to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(ExperimentResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteText(path, Build(results));
    }

    /// <summary>The metric columns: every metric except "threshold", which has its own column up front.</summary>
    internal static IReadOnlyList<string> MetricColumns { get; } = MetricNames.All.Where(n => n != "threshold").ToList();

    internal static string Build(ExperimentResults results)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "loss", "seed", "status", "threshold_objective", "threshold" }.Concat(MetricColumns)));
        foreach (var run in results.Runs)
        {
            AppendRow(csv, run, DefaultObjective, 0.5, run.Test);
            foreach (var objective in Objectives(results, run))
            {
                var tuned = run.Thresholds[objective];
                AppendRow(csv, run, objective, tuned.Threshold, tuned.Test);
            }
        }

        return csv.ToString();
    }

    /// <summary>The experiment's objectives first (its order), then any others a run has.</summary>
    private static IEnumerable<string> Objectives(ExperimentResults results, RunResult run) =>
        results.ThresholdObjectives.Where(run.Thresholds.ContainsKey)
            .Concat(run.Thresholds.Keys.Where(k => !results.ThresholdObjectives.Contains(k)).Order(StringComparer.Ordinal));

    private static void AppendRow(StringBuilder csv, RunResult run, string objective, double threshold, MetricSet? metrics)
    {
        var values = metrics is null ? null : MetricNames.ToDictionary(metrics);
        var fields = new List<string>
        {
            Quote(run.Loss), run.Seed.ToString(CultureInfo.InvariantCulture), Quote(run.Status), Quote(objective), Number(threshold),
        };
        fields.AddRange(MetricColumns.Select(name => values is null ? "" : Number(values[name])));
        csv.AppendLine(string.Join(",", fields));
    }

    /// <summary>Round-trippable invariant numbers; NaN stays "NaN" rather than an empty cell, which means "not computed".</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting, only where needed.</summary>
    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
