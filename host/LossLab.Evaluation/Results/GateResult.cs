namespace LossLab.Evaluation.Results;

/// <summary>One gate as judged: the test value, its bootstrap interval, and whether the bound held.</summary>
public sealed record GateResult
{
    /// <summary>How people read the gate, e.g. "recall at precision>=0.5 ≥ 0.9".</summary>
    public required string Gate { get; init; }
    public required string Metric { get; init; }
    /// <summary>The operating point (threshold objective), or null for a threshold-free metric.</summary>
    public string? At { get; init; }
    /// <summary>The threshold the operating point gave, tuned on <see cref="TunedOn"/>.</summary>
    public double? Threshold { get; init; }
    public string? TunedOn { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>"value", "lower_ci" or "upper_ci": what the bound was compared with.</summary>
    public required string Use { get; init; }
    /// <summary>The metric on the judged rows (test; mean over seeds in a run).</summary>
    public double Value { get; init; }
    /// <summary>Bootstrap percentile interval; null when no bootstrap ran.</summary>
    public Interval? Interval { get; init; }
    /// <summary>The number compared with the bound (<see cref="Value"/> or an end of <see cref="Interval"/>).</summary>
    public double Judged { get; init; }
    public bool Passed { get; init; }
    /// <summary>Why it failed, in words; "" when it passed.</summary>
    public string Reason { get; init; } = "";
}
