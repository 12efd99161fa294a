namespace LossLab.Evaluation;

/// <summary>
/// "recall>=R": the highest threshold whose recall TP/P on the tuning rows is at least R, i.e. the fewest
/// positive predictions that still find a fraction R of the positives. Always feasible when the tuning rows
/// hold a positive (the lowest score gives recall 1). <see cref="TunedThreshold.ObjectiveValue"/> is the
/// precision TP/(TP+FP) at that threshold.
/// </summary>
public sealed record RecallFloorObjective : ThresholdObjective
{
    public RecallFloorObjective(double minRecall)
    {
        if (!(minRecall > 0 && minRecall <= 1))
            throw new ArgumentOutOfRangeException(nameof(minRecall), minRecall, "R must be in (0, 1].");
        MinRecall = minRecall;
    }

    public double MinRecall { get; }

    public override string Name => $"recall>={Format(MinRecall)}";

    internal override TunedThreshold Choose(ThresholdCounts counts)
    {
        // Recall only grows as the threshold falls: the first candidate over the floor is the highest.
        for (int k = 0; k < counts.Count; k++)
        {
            var c = counts.At(k);
            if (c.Recall >= MinRecall) return new TunedThreshold(counts.Thresholds[k], c.Precision, true);
        }
        int last = counts.Count - 1; // unreachable with a positive present; kept for completeness
        return new TunedThreshold(counts.Thresholds[last], counts.At(last).Precision, false);
    }
}
