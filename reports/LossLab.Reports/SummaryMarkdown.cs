using System.Globalization;
using System.Text;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Output;
using LossLab.Reports.Verdict;

namespace LossLab.Reports;

/// <summary>summary.md: the verdict table and the same sentences as the PDF's summary, for a terminal or a pull request.</summary>
public static class SummaryMarkdown
{
    /// <summary>Writes summary.md to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(ExperimentResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteText(path, Build(results));
    }

    internal static string Build(ExperimentResults results)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {results.Title}").AppendLine();
        md.AppendLine($"Experiment `{results.Name}`, started {results.StartedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}.").AppendLine();

        if (results.Warnings.Count > 0)
        {
            // Before any number: the reasons not to trust some of them.
            md.AppendLine("## Warnings").AppendLine();
            foreach (var warning in results.Warnings)
                md.AppendLine($"- **{warning.Code}**: {warning.Message}");
            md.AppendLine();
        }

        md.AppendLine("## Setup").AppendLine();
        foreach (var (key, value) in ExperimentFacts.For(results))
            md.AppendLine($"- **{key}**: {value}");
        md.AppendLine();

        var table = VerdictTableModel.Build(results);
        md.AppendLine("## Verdict").AppendLine();
        MarkdownTable.Append(md,
            ["Loss", "Runs", .. table.Columns.Select(c => c.Header + (c.LowerIsBetter ? " (lower better)" : "")), $"vs {table.Baseline}"],
            table.Rows.Select(r => (IReadOnlyList<string>)[r.Loss, $"{r.CompletedRuns}/{r.Runs}", .. r.Cells.Select(Cell), r.CompletedRuns == 0 ? "no completed run" : r.AgainstBaseline]));
        md.AppendLine("Mean ± sd over completed seeds on the test split; **bold ▲** marks the best mean of each column (lowest for ECE)." +
            (table.Objective is { } o ? $" @{o}: at the threshold tuned for {o} on validation." : "")).AppendLine();

        var tuned = TunedThresholdModel.Build(results);
        if (tuned.Count > 0)
        {
            md.AppendLine("## Tuned thresholds").AppendLine();
            MarkdownTable.Append(md, ["Objective", "Loss", "Threshold (validation)", "F1 (test)", "Recall (test)", "Precision (test)"],
                tuned.Select(t => (IReadOnlyList<string>)[t.Objective, t.Loss, Format.MeanSd(t.Threshold) + (t.Infeasible > 0 ? $" (floor not met in {t.Infeasible} seeds)" : ""),
                    Format.MeanSd(t.F1), Format.MeanSd(t.Recall), Format.MeanSd(t.Precision)]));
            md.AppendLine("Mean ± sd over completed seeds; each seed tunes its own threshold on validation.").AppendLine();
        }

        TemperatureScalingMarkdown.Append(md, results);

        if (results.Gates.Count > 0)
        {
            int failed = results.Gates.Sum(l => l.Results.Count(g => !g.Passed));
            md.AppendLine("## Acceptance gates").AppendLine();
            md.AppendLine(failed == 0 ? "All gates passed for every loss." : $"**{failed} gate result(s) failed.**").AppendLine();
            MarkdownTable.Append(md, ["Loss", "Gate", "Value", "Interval", "Judged", "Result"],
                results.Gates.SelectMany(l => l.Results.Select(g => (IReadOnlyList<string>)[l.Loss, g.Gate, Format.Metric(g.Value),
                    Format.Range(g.Interval), Format.Metric(g.Judged), g.Passed ? "PASS" : "FAIL"])));
            md.AppendLine("Each value is the mean over the loss's completed seeds on the test split, at its threshold tuned on validation.").AppendLine();
        }

        md.AppendLine("## Findings").AppendLine();
        foreach (var sentence in VerdictWriter.Sentences(results))
            md.AppendLine($"- {sentence}");
        md.AppendLine();

        if (results.Bootstrap is { Differences.Count: > 0 } bootstrap)
        {
            md.AppendLine($"## Paired bootstrap against {bootstrap.Baseline}").AppendLine();
            MarkdownTable.Append(md, ["Loss", "Metric", "Difference", $"{Format.Percent(bootstrap.Confidence, 0)} interval", "Verdict"],
                bootstrap.Differences.SelectMany(d => d.Value.OrderBy(m => MetricLabels.Order(m.Key)).Select(m =>
                    (IReadOnlyList<string>)[d.Key, MetricLabels.Short(m.Key), Format.Signed(m.Value.Estimate), Format.Interval(m.Value.Lower, m.Value.Upper), m.Value.Verdict])));
        }

        var unfinished = results.Runs.Where(r => r.Status != RunStatus.Completed).ToList();
        if (unfinished.Count > 0)
        {
            md.AppendLine("## Runs that did not complete").AppendLine();
            MarkdownTable.Append(md, ["Loss", "Seed", "Status", "Error"],
                unfinished.Select(r => (IReadOnlyList<string>)[r.Loss, r.Seed.ToString(CultureInfo.InvariantCulture), r.Status, r.Error ?? "(no error message recorded)"]));
        }

        return md.ToString();
    }

    private static string Cell(VerdictCell cell) => cell.IsBest ? $"**{cell.Text}** ▲" : cell.Text;
}
