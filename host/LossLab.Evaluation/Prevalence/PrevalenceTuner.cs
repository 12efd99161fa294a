namespace LossLab.Evaluation;

/// <summary>
/// Re-tunes a threshold objective for a deployment prevalence π: the tuning rows' TPR and FPR at each candidate
/// threshold are kept and everything that mixes the classes is read at π (<see cref="PrevalenceReweighting"/>).
/// max_fbeta maximises F_β(π) = (1 + β²)·P(π)·R / (β²·P(π) + R); precision>=P asks P(π) ≥ P (highest recall, else
/// the highest P(π)); cost:FP,FN minimises c_FN·π·(1 − TPR) + c_FP·(1 − π)·FPR. Recall floors, Youden's J and fixed
/// thresholds do not depend on prevalence and are not re-tuned. Ties go to the highest threshold, as in
/// <see cref="ThresholdTuner"/>.
/// </summary>
public static class PrevalenceTuner
{
    /// <summary>True when the objective's choice depends on the prevalence.</summary>
    public static bool DependsOnPrevalence(ThresholdObjective objective) =>
        objective is MaxFBetaObjective or PrecisionFloorObjective or CostObjective;

    /// <exception cref="ArgumentException">Tuning rows with one class only, or an objective that does not depend on prevalence.</exception>
    public static TunedThreshold Tune(ThresholdObjective objective, int[] labels, double[] scores, double prevalence) =>
        Tune(objective, new RankedRows(labels, scores), prevalence);

    /// <summary>As <see cref="Tune(ThresholdObjective, int[], double[], double)"/> on rows sorted once.</summary>
    public static TunedThreshold Tune(ThresholdObjective objective, RankedRows rows, double prevalence)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(rows);
        PrevalenceReweighting.CheckPrevalence(prevalence);
        var counts = rows.Counts;
        if (counts.Positives == 0 || counts.Negatives == 0)
            throw new ArgumentException($"Cannot re-tune '{objective.Name}': the tuning rows hold one class only.", "labels");
        var rates = Enumerable.Range(0, counts.Count).Select(k => counts.At(k)).Select(c => (Tpr: c.Recall, Fpr: c.FalsePositiveRate)).ToArray();
        double Precision(int k) => PrevalenceReweighting.Precision(rates[k].Tpr, rates[k].Fpr, prevalence);

        switch (objective)
        {
            case MaxFBetaObjective f:
            {
                double b2 = f.Beta * f.Beta;
                double FBeta(int k) => Precision(k) + rates[k].Tpr == 0 ? 0 : (1 + b2) * Precision(k) * rates[k].Tpr / (b2 * Precision(k) + rates[k].Tpr);
                int best = ArgMax(counts.Count, FBeta);
                return new TunedThreshold(counts.Thresholds[best], FBeta(best), true);
            }
            case PrecisionFloorObjective p:
            {
                int feasible = -1, closest = 0;
                for (int k = 0; k < counts.Count; k++)
                {
                    if (Precision(k) >= p.MinPrecision && (feasible < 0 || rates[k].Tpr > rates[feasible].Tpr)) feasible = k;
                    if (Precision(k) > Precision(closest) || (Precision(k) == Precision(closest) && rates[k].Tpr > rates[closest].Tpr)) closest = k;
                }
                int chosen = feasible >= 0 ? feasible : closest;
                return new TunedThreshold(counts.Thresholds[chosen], rates[chosen].Tpr, feasible >= 0);
            }
            case CostObjective c:
            {
                double Cost(int k) => PrevalenceReweighting.ExpectedCost(rates[k].Tpr, rates[k].Fpr, prevalence, c.FalsePositiveCost, c.FalseNegativeCost);
                int best = ArgMax(counts.Count, k => -Cost(k));
                return new TunedThreshold(counts.Thresholds[best], Cost(best), true);
            }
            default:
                throw new ArgumentException($"'{objective.Name}' does not depend on prevalence; its tuned threshold stands.", nameof(objective));
        }
    }

    private static int ArgMax(int count, Func<int, double> value)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < count; k++)
        {
            double v = value(k);
            if (v > bestValue) { bestValue = v; best = k; }
        }
        return best;
    }
}
