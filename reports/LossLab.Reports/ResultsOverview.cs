using LossLab.Evaluation.Results;
using LossLab.Reports.Verdict;

namespace LossLab.Reports;

/// <summary>One loss in the terminal's results table: the verdict table's numbers (mean over completed seeds).</summary>
/// <param name="F1Tuned">Test F1 at the threshold tuned for the first objective; null without one.</param>
/// <param name="AgainstBaseline">The verdict of summary.md's table: "baseline", "AP better", "no clear difference"…</param>
/// <param name="Warnings">Warnings of results.json that name this loss.</param>
public sealed record ResultsOverviewRow(string Loss, int CompletedRuns, int Runs, Statistic? RocAuc, Statistic? AveragePrecision,
    Statistic? F1Tuned, Statistic? Ece, string AgainstBaseline, int Warnings);

/// <summary>
/// The experiment at a glance for <c>losslab run</c>'s closing table: the rows of the verdict table that summary.md
/// and the PDF draw (<see cref="VerdictTableModel"/>), so the terminal can never disagree with them.
/// </summary>
public sealed record ResultsOverview(IReadOnlyList<ResultsOverviewRow> Rows, string Baseline, string? Objective, int ExperimentWarnings, int GateFailures)
{
    public static ResultsOverview Of(ExperimentResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = VerdictTableModel.Build(results);
        Statistic? Cell(VerdictRow row, string metric, string? objective)
        {
            var i = table.Columns.ToList().FindIndex(c => c.Metric == metric && c.Objective == objective);
            return i < 0 ? null : row.Cells[i].Value;
        }
        var rows = table.Rows.Select(r => new ResultsOverviewRow(r.Loss, r.CompletedRuns, r.Runs,
            Cell(r, "roc_auc", null), Cell(r, "average_precision", null),
            table.Objective is { } o ? Cell(r, "f1", o) : null, Cell(r, "ece", null),
            r.CompletedRuns == 0 ? "no completed run" : r.AgainstBaseline,
            results.Warnings.Count(w => w.Loss == r.Loss))).ToList();
        return new ResultsOverview(rows, table.Baseline, table.Objective, results.Warnings.Count(w => w.Loss is null),
            results.Gates.Sum(l => l.Results.Count(g => !g.Passed)));
    }
}
