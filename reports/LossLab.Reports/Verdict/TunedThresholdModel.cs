using LossLab.Evaluation.Results;

namespace LossLab.Reports.Verdict;

/// <summary>One loss at one objective's tuned threshold: the threshold and the test metrics there, over completed seeds.</summary>
/// <param name="Infeasible">Seeds where no threshold met the objective's floor (e.g. recall>=0.9), so the closest was used.</param>
internal sealed record TunedThresholdRow(string Objective, string Loss, Statistic? Threshold, Statistic? F1, Statistic? Recall, Statistic? Precision, int Infeasible);

/// <summary>
/// Every tuned objective, not only the first (which the verdict table shows): per objective and loss, the threshold
/// tuned on validation and F1, recall and precision on test there, mean ± sd over completed seeds. Drawn in the PDF
/// and in summary.md.
/// </summary>
internal static class TunedThresholdModel
{
    public static IReadOnlyList<TunedThresholdRow> Build(ExperimentResults results)
    {
        var losses = ReportLosses.Names(results);
        return results.ThresholdObjectives.SelectMany(objective => losses.Select(loss =>
        {
            var infeasible = results.Runs.Count(r => r.Loss == loss && r.Status == RunStatus.Completed
                && r.Thresholds.GetValueOrDefault(objective) is { Feasible: false });
            // The aggregates of results.json already summarise each seed's test metrics at its tuned threshold,
            // and a MetricSet's "threshold" is that tuned threshold.
            var metrics = results.Aggregates.FirstOrDefault(a => a.Loss == loss && a.CompletedRuns > 0)?.Thresholds.GetValueOrDefault(objective);
            return new TunedThresholdRow(objective, loss, metrics?.GetValueOrDefault("threshold"),
                metrics?.GetValueOrDefault("f1"), metrics?.GetValueOrDefault("recall"), metrics?.GetValueOrDefault("precision"), infeasible);
        })).ToList();
    }
}
