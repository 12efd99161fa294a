namespace LossLab.Evaluation;

/// <summary>
/// "cost:FP,FN": minimise the total cost C = c_FP·FP + c_FN·FN on the tuning rows, where FP and FN are the
/// false positives and false negatives at the threshold and c_FP, c_FN ≥ 0 their unit costs.
/// <see cref="TunedThreshold.ObjectiveValue"/> is C (a total over the tuning rows, lower is better).
/// </summary>
public sealed record CostObjective : ThresholdObjective
{
    public CostObjective(double falsePositiveCost, double falseNegativeCost)
    {
        if (!(falsePositiveCost >= 0) || !(falseNegativeCost >= 0) || !double.IsFinite(falsePositiveCost)
            || !double.IsFinite(falseNegativeCost) || (falsePositiveCost == 0 && falseNegativeCost == 0))
            throw new ArgumentOutOfRangeException(nameof(falsePositiveCost),
                "Costs must be finite, >= 0 and not both 0.");
        FalsePositiveCost = falsePositiveCost;
        FalseNegativeCost = falseNegativeCost;
    }

    public double FalsePositiveCost { get; }
    public double FalseNegativeCost { get; }

    public override string Name => $"cost:{Format(FalsePositiveCost)},{Format(FalseNegativeCost)}";

    internal override TunedThreshold Choose(ThresholdCounts counts)
    {
        int k = ArgMax(counts, c => -Cost(c));
        return new TunedThreshold(counts.Thresholds[k], Cost(counts.At(k)), true);
    }

    private double Cost(ConfusionCounts c) => FalsePositiveCost * c.Fp + FalseNegativeCost * c.Fn;

    internal override bool DependsOnPrevalence => true;

    /// <summary>Minimises the expected cost per example at π, c_FN·π·(1 − TPR) + c_FP·(1 − π)·FPR.</summary>
    internal override TunedThreshold ChooseAt(ThresholdCounts counts, double prevalence)
    {
        double CostAt(ConfusionCounts c) =>
            PrevalenceReweighting.ExpectedCost(c.Recall, c.FalsePositiveRate, prevalence, FalsePositiveCost, FalseNegativeCost);
        int k = ArgMax(counts, c => -CostAt(c));
        return new TunedThreshold(counts.Thresholds[k], CostAt(counts.At(k)), true);
    }
}
