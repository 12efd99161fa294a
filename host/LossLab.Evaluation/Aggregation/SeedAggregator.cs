using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Summaries over seeds of each loss's test metrics (the "mean ± sd over seeds" tables).</summary>
public static class SeedAggregator
{
    /// <summary>
    /// For each loss of <paramref name="lossOrder"/> (in that order), over its runs with Status "completed":
    /// mean x̄ = (1/m)·Σ x_j, sample standard deviation sd = √(Σ (x_j − x̄)² / (m − 1)) (0 when m = 1), min and
    /// max of every metric of <see cref="MetricNames.All"/>, for the test metrics at 0.5 and for the test
    /// metrics at each threshold objective found in those runs.
    /// </summary>
    /// <remarks>NaN values (e.g. AUC of a test split with one class) are left out; <see cref="Statistic.Count"/>
    /// is the number of values used, and a metric with none gets NaN statistics and Count 0. Completed runs
    /// without test metrics are skipped. A loss with no completed run gets an aggregate with CompletedRuns 0
    /// and empty tables.</remarks>
    public static List<LossAggregate> Aggregate(IReadOnlyList<RunResult> runs, IReadOnlyList<string> lossOrder)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(lossOrder);
        var result = new List<LossAggregate>(lossOrder.Count);
        foreach (string loss in lossOrder)
        {
            var completed = runs
                .Where(r => r.Loss == loss && r.Status == RunStatus.Completed && r.Test is not null)
                .ToList();
            var objectives = completed.SelectMany(r => r.Thresholds.Keys).Distinct().ToList();
            result.Add(new LossAggregate
            {
                Loss = loss,
                CompletedRuns = completed.Count,
                Test = Summarise(completed.Select(r => r.Test!)),
                Thresholds = objectives.ToDictionary(
                    objective => objective,
                    objective => Summarise(completed
                        .Where(r => r.Thresholds.ContainsKey(objective))
                        .Select(r => r.Thresholds[objective].Test))),
            });
        }
        return result;
    }

    private static Dictionary<string, Statistic> Summarise(IEnumerable<MetricSet> sets)
    {
        var tables = sets.Select(MetricNames.ToDictionary).ToList();
        var result = new Dictionary<string, Statistic>();
        if (tables.Count == 0) return result;
        foreach (string name in MetricNames.All)
            result[name] = Describe(tables.Select(t => t[name]).Where(v => !double.IsNaN(v)).ToArray());
        return result;
    }

    internal static Statistic Describe(double[] values)
    {
        int m = values.Length;
        if (m == 0) return new Statistic(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double mean = values.Average();
        double squares = values.Sum(v => (v - mean) * (v - mean));
        double sd = m == 1 ? 0.0 : Math.Sqrt(squares / (m - 1));
        return new Statistic(mean, sd, values.Min(), values.Max(), m);
    }
}
