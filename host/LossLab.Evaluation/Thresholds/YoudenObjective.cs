namespace LossLab.Evaluation;

/// <summary>
/// Maximise Youden's J = TPR − FPR = TP/P − FP/N (P positives, N negatives) on the tuning rows: the ROC point
/// farthest above the diagonal. <see cref="TunedThreshold.ObjectiveValue"/> is J.
/// </summary>
public sealed record YoudenObjective : ThresholdObjective
{
    public override string Name => "youden";

    internal override TunedThreshold Choose(ThresholdCounts counts)
    {
        int k = ArgMax(counts, J);
        return new TunedThreshold(counts.Thresholds[k], J(counts.At(k)), true);
    }

    private static double J(ConfusionCounts c) => c.Recall - c.FalsePositiveRate;
}
