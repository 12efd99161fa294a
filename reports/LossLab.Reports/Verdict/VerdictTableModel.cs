using LossLab.Evaluation.Results;

namespace LossLab.Reports.Verdict;

/// <summary>
/// The numbers of the verdict table, computed once and drawn twice (PDF and summary.md): per loss, mean ± sd over
/// completed seeds of the headline metrics, the best of each column, and the bootstrap verdict against the baseline.
/// </summary>
internal sealed class VerdictTableModel
{
    private VerdictTableModel(IReadOnlyList<MetricColumn> columns, IReadOnlyList<VerdictRow> rows, string baseline, string? objective)
    {
        Columns = columns;
        Rows = rows;
        Baseline = baseline;
        Objective = objective;
    }

    public IReadOnlyList<MetricColumn> Columns { get; }
    public IReadOnlyList<VerdictRow> Rows { get; }
    public string Baseline { get; }
    /// <summary>The tuned-threshold objective shown (the first of the experiment), or null when there is none.</summary>
    public string? Objective { get; }

    public static IReadOnlyList<MetricColumn> ColumnsFor(string? objective)
    {
        var columns = new List<MetricColumn>
        {
            new("ROC-AUC", "roc_auc", null),
            new("AP", "average_precision", null),
            new("F1 @0.5", "f1", null),
        };
        if (objective is not null)
        {
            columns.Add(new($"F1 @{objective}", "f1", objective));
            columns.Add(new($"Recall @{objective}", "recall", objective));
            columns.Add(new($"Precision @{objective}", "precision", objective));
        }

        columns.Add(new("ECE", "ece", null, LowerIsBetter: true));
        return columns;
    }

    public static VerdictTableModel Build(ExperimentResults results)
    {
        var objective = results.ThresholdObjectives.FirstOrDefault();
        var columns = ColumnsFor(objective);
        var losses = ReportLosses.Names(results);
        var baseline = results.Bootstrap?.Baseline ?? losses.FirstOrDefault() ?? "";
        var values = losses.ToDictionary(l => l, l => columns.Select(c => Read(results, l, c)).ToList());

        var best = columns.Select((column, i) =>
        {
            var candidates = losses.Select(l => values[l][i]).Where(s => s is { Count: > 0 } && double.IsFinite(s.Mean)).Select(s => s!.Mean).ToList();
            return candidates.Count < 2 ? (double?)null : column.LowerIsBetter ? candidates.Min() : candidates.Max();
        }).ToList();

        var rows = losses.Select(loss =>
        {
            var cells = columns.Select((_, i) =>
            {
                var value = values[loss][i];
                var isBest = best[i] is { } b && value is { Count: > 0 } && Math.Abs(value.Mean - b) < 1e-12;
                return new VerdictCell(value, isBest);
            }).ToList();
            var runs = results.Runs.Where(r => r.Loss == loss).ToList();
            return new VerdictRow(loss, runs.Count(r => r.Status == RunStatus.Completed), runs.Count, cells, AgainstBaseline(results, loss, baseline));
        }).ToList();

        return new VerdictTableModel(columns, rows, baseline, objective);
    }

    private static Statistic? Read(ExperimentResults results, string loss, MetricColumn column)
    {
        var aggregate = results.Aggregates.FirstOrDefault(a => a.Loss == loss);
        if (aggregate is null || aggregate.CompletedRuns == 0)
            return null;
        var metrics = column.Objective is null ? aggregate.Test : aggregate.Thresholds.GetValueOrDefault(column.Objective);
        return metrics?.GetValueOrDefault(column.Metric);
    }

    /// <summary>"baseline", "AP worse, AUC better", "no clear difference", or why there is no verdict.</summary>
    private static string AgainstBaseline(ExperimentResults results, string loss, string baseline)
    {
        if (loss == baseline)
            return "baseline";
        if (results.Bootstrap?.Differences.GetValueOrDefault(loss) is not { Count: > 0 } differences)
            return "not compared";
        var clear = differences
            .Where(d => d.Value.Verdict is "better" or "worse")
            .OrderBy(d => MetricLabels.Order(d.Key))
            .Select(d => $"{MetricLabels.Short(d.Key)} {d.Value.Verdict}")
            .ToList();
        return clear.Count == 0 ? "no clear difference" : string.Join(", ", clear);
    }
}
