namespace LossLab.Evaluation;

/// <summary>
/// A fixed threshold (written as the number, e.g. "0.5"): nothing is tuned. <see cref="TunedThreshold.ObjectiveValue"/>
/// is the F1 at that threshold on the tuning rows, so a fixed threshold reads like max_f1 beside it.
/// </summary>
public sealed record FixedThresholdObjective : ThresholdObjective
{
    public FixedThresholdObjective(double threshold)
    {
        if (!double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be finite.");
        Threshold = threshold;
    }

    public double Threshold { get; }

    public override string Name => Format(Threshold);

    internal override bool NeedsBothClasses => false;

    internal override TunedThreshold Choose(ThresholdCounts counts) =>
        new(Threshold, counts.AtThreshold(Threshold).F1, true);
}
