using LossLab.Evaluation;
namespace LossLab.Evaluation.Results;

/// <summary>A decision threshold chosen by <see cref="Objective"/> on <see cref="TunedOn"/> and judged on <see cref="Test"/>.</summary>
public sealed record ThresholdResult
{
    public required ThresholdObjective Objective { get; init; }
    public double Threshold { get; init; }
    /// <summary>"validation" in a run; in a review without a split column, "same rows" (optimistic).</summary>
    public required string TunedOn { get; init; }
    /// <summary>The objective's value on the tuning rows (e.g. the F1 reached for max_f1).</summary>
    public double ObjectiveValue { get; init; }
    /// <summary>False when no candidate met a floor such as recall>=0.9; the threshold is then the closest one.</summary>
    public bool Feasible { get; init; } = true;
    public required MetricSet Test { get; init; }
}
