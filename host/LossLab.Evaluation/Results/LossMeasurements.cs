namespace LossLab.Evaluation.Results;

/// <summary>
/// What a loss, with its options as used, does to this data's classes, measured from the loss itself by autograd
/// (float64) on the first seed's training counts. The report writes the loss card's sentences from these numbers.
/// BCE's |∂L/∂x| = 1 − p_t, so for BCE <see cref="PositiveOverNegative"/> = 1 and both easy shares are
/// (1 − 0.9)/(1 − 0.5) = 0.2. A quantity the loss makes undefined is NaN.
/// </summary>
public sealed record LossMeasurements
{
    /// <summary>|∂L/∂x| of a positive at p_t = 0.5 over that of a negative at p_t = 0.5 (w₁/w₀ for weighted BCE, α/(1 − α) for focal).</summary>
    public double PositiveOverNegative { get; init; }
    /// <summary>For a negative: |∂L/∂x| at p_t = 0.9 over |∂L/∂x| at p_t = 0.5.</summary>
    public double EasyShareNegative { get; init; }
    /// <summary>For a positive: |∂L/∂x| at p_t = 0.9 over |∂L/∂x| at p_t = 0.5.</summary>
    public double EasySharePositive { get; init; }
    /// <summary>The training split's positives the loss was measured with (a loss may weight by the class counts).</summary>
    public long TrainPositives { get; init; }
    public long TrainNegatives { get; init; }
}
