using LossLab.Evaluation.Results;

namespace LossLab.Reports.Verdict;

/// <summary>A mean ± sd over seeds; <see cref="IsBest"/> marks the best mean of its column.</summary>
internal sealed record VerdictCell(Statistic? Value, bool IsBest)
{
    public string Text => Data.Format.MeanSd(Value);
}

/// <summary>One loss's row: its cells in column order and the paired-bootstrap verdict against the baseline.</summary>
internal sealed record VerdictRow(string Loss, int CompletedRuns, int Runs, IReadOnlyList<VerdictCell> Cells, string AgainstBaseline);
