using LossLab.Evaluation.Results;

namespace LossLab.Reports.Verdict;

/// <summary>The losses a report covers, in the experiment's order, including any that only appear in runs.</summary>
internal static class ReportLosses
{
    public static IReadOnlyList<string> Names(ExperimentResults results) =>
        results.Losses.Select(l => l.Name)
            .Concat(results.Runs.Select(r => r.Loss))
            .Concat(results.Aggregates.Select(a => a.Loss))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
