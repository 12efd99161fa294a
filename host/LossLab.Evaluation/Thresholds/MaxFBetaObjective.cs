namespace LossLab.Evaluation;

/// <summary>
/// Maximise F_β = (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP) on the tuning rows (β = 1: F1). Named "max_f1" when
/// β = 1, else "max_fbeta:β". <see cref="TunedThreshold.ObjectiveValue"/> is the F_β reached.
/// </summary>
public sealed record MaxFBetaObjective : ThresholdObjective
{
    public MaxFBetaObjective(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be a finite number > 0.");
        Beta = beta;
    }

    public double Beta { get; }

    public override string Name => Beta == 1.0 ? "max_f1" : $"max_fbeta:{Format(Beta)}";

    internal override TunedThreshold Choose(ThresholdCounts counts)
    {
        int k = ArgMax(counts, c => c.FBeta(Beta));
        return new TunedThreshold(counts.Thresholds[k], counts.At(k).FBeta(Beta), true);
    }

    internal override bool DependsOnPrevalence => true;

    /// <summary>Maximises F_β(π) = (1 + β²)·P(π)·R / (β²·P(π) + R), with P(π) the precision at π and R the recall.</summary>
    internal override TunedThreshold ChooseAt(ThresholdCounts counts, double prevalence)
    {
        double b2 = Beta * Beta;
        double FBetaAt(ConfusionCounts c)
        {
            double p = PrevalenceReweighting.Precision(c.Recall, c.FalsePositiveRate, prevalence), r = c.Recall;
            return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
        }
        int k = ArgMax(counts, FBetaAt);
        return new TunedThreshold(counts.Thresholds[k], FBetaAt(counts.At(k)), true);
    }
}
