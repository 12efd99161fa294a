namespace LossLab.Evaluation;

/// <summary>
/// "precision>=P": among thresholds whose precision TP/(TP+FP) on the tuning rows is at least P, the one with
/// the highest recall (the highest such threshold on ties). <see cref="TunedThreshold.ObjectiveValue"/> is the
/// recall at the chosen threshold. When no threshold reaches P (precision is not monotone in the threshold,
/// and may never reach P), <see cref="TunedThreshold.Feasible"/> is false and the threshold with the highest
/// precision is chosen (highest recall among those, then the highest threshold).
/// </summary>
public sealed record PrecisionFloorObjective : ThresholdObjective
{
    public PrecisionFloorObjective(double minPrecision)
    {
        if (!(minPrecision > 0 && minPrecision <= 1))
            throw new ArgumentOutOfRangeException(nameof(minPrecision), minPrecision, "P must be in (0, 1].");
        MinPrecision = minPrecision;
    }

    public double MinPrecision { get; }

    public override string Name => $"precision>={Format(MinPrecision)}";

    internal override TunedThreshold Choose(ThresholdCounts counts) => Choose(counts, c => c.Precision);

    internal override bool DependsOnPrevalence => true;

    /// <summary>The same rule with precision read at π: TPR·π / (TPR·π + FPR·(1 − π)).</summary>
    internal override TunedThreshold ChooseAt(ThresholdCounts counts, double prevalence) =>
        Choose(counts, c => PrevalenceReweighting.Precision(c.Recall, c.FalsePositiveRate, prevalence));

    private TunedThreshold Choose(ThresholdCounts counts, Func<ConfusionCounts, double> precision)
    {
        int feasible = -1, closest = 0;
        for (int k = 0; k < counts.Count; k++)
        {
            var c = counts.At(k);
            double p = precision(c), best = precision(counts.At(closest));
            // TP never falls as k grows, so "strictly more TP" keeps the highest threshold on ties.
            if (p >= MinPrecision && (feasible < 0 || c.Tp > counts.TruePositives[feasible])) feasible = k;
            if (p > best || (p == best && c.Tp > counts.TruePositives[closest])) closest = k;
        }
        int chosen = feasible >= 0 ? feasible : closest;
        return new TunedThreshold(counts.Thresholds[chosen], counts.At(chosen).Recall, feasible >= 0);
    }
}
