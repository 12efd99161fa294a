using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Output;

namespace LossLab.Reports;

/// <summary>
/// metrics.csv, tidy (one number per row) for pandas, R or a spreadsheet's pivot table: columns
/// <c>loss, seed, split, threshold_name, metric, value</c>. For each completed run and split (validation, test):
/// the threshold-free metrics (ranking, probabilistic, calibration, counts) with an empty threshold_name, the
/// decisions at <c>0.5</c>, and on test the decisions at each tuned threshold (named by its objective); on
/// validation, each tuned threshold's value, its objective's value and whether its floor was met. Temperature
/// scaling adds, on test, <c>temperature</c> and <c>ece_temperature_scaled</c> beside <c>ece</c> (before). Every run,
/// completed or not, has the run-level rows <c>completed</c> (1 or 0) and, when scored, <c>selected_epoch</c>
/// (split and threshold_name empty), so nothing disappears between results.json and the CSV.
/// </summary>
public static class MetricsCsv
{
    public const string DefaultObjective = "0.5";
    public const string Validation = "validation";
    public const string Test = "test";

    public static readonly IReadOnlyList<string> Columns = ["loss", "seed", "split", "threshold_name", "metric", "value"];

    /// <summary>Metrics that do not depend on a threshold, as results.json names them.</summary>
    public static readonly IReadOnlyList<string> ThresholdFree = ["roc_auc", "average_precision", "brier", "log_loss", "ece", "mce", "n", "positives"];

    /// <summary>Metrics of the decisions at one threshold, the threshold itself first.</summary>
    public static IReadOnlyList<string> Decisions { get; } = MetricNames.All.Except(ThresholdFree).ToList();

    /// <summary>Writes metrics.csv to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(ExperimentResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CsvFile.Write(path, Columns, Rows(results));
    }

    /// <summary>The rows in file order: runs in results.json's order, each run's validation rows, then its test rows.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(ExperimentResults results)
    {
        foreach (var run in results.Runs)
        {
            var rows = new RunRows(run);
            rows.Add("", "", "completed", run.Status == RunStatus.Completed ? 1 : 0);
            if (run.SelectedEpoch is { } epoch) rows.Add("", "", "selected_epoch", epoch);
            if (run.Validation is { } validation)
            {
                rows.AddSet(Validation, "", validation, ThresholdFree);
                rows.AddSet(Validation, DefaultObjective, validation, Decisions);
                foreach (var objective in Objectives(results, run))
                {
                    var tuned = run.Thresholds[objective];
                    rows.Add(Validation, objective, "threshold", tuned.Threshold);
                    rows.Add(Validation, objective, "objective_value", tuned.ObjectiveValue);
                    rows.Add(Validation, objective, "feasible", tuned.Feasible ? 1 : 0);
                }
            }
            if (run.Test is { } test)
            {
                rows.AddSet(Test, "", test, ThresholdFree);
                if (run.Calibration is { } calibration)
                {
                    rows.Add(Test, "", "temperature", calibration.Temperature);
                    rows.Add(Test, "", "ece_temperature_scaled", calibration.TestEceAfter);
                }
                rows.AddSet(Test, DefaultObjective, test, Decisions);
                foreach (var objective in Objectives(results, run))
                    rows.AddSet(Test, objective, run.Thresholds[objective].Test, Decisions);
            }
            foreach (var row in rows.All) yield return row;
        }
    }

    /// <summary>The experiment's objectives first (its order), then any others a run has.</summary>
    private static IEnumerable<string> Objectives(ExperimentResults results, RunResult run) =>
        results.ThresholdObjectives.Where(run.Thresholds.ContainsKey)
            .Concat(run.Thresholds.Keys.Where(k => !results.ThresholdObjectives.Contains(k)).Order(StringComparer.Ordinal));

    private sealed class RunRows(RunResult run)
    {
        public List<IReadOnlyList<string>> All { get; } = [];

        public void Add(string split, string threshold, string metric, double value) =>
            All.Add([run.Loss, CsvFile.Integer(run.Seed), split, threshold, metric, CsvFile.Number(value)]);

        public void AddSet(string split, string threshold, MetricSet metrics, IReadOnlyList<string> names)
        {
            var values = MetricNames.ToDictionary(metrics);
            foreach (var name in names) Add(split, threshold, name, values[name]);
        }
    }
}
