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
    public static bool DependsOnPrevalence(ThresholdObjective objective) => objective.DependsOnPrevalence;

    /// <exception cref="ArgumentException">Tuning rows with one class only, or an objective that does not depend on prevalence.</exception>
    public static TunedThreshold Tune(ThresholdObjective objective, int[] labels, double[] scores, double prevalence) =>
        Tune(objective, new RankedRows(labels, scores), prevalence);

    /// <summary>As <see cref="Tune(ThresholdObjective, int[], double[], double)"/> on rows sorted once.</summary>
    public static TunedThreshold Tune(ThresholdObjective objective, RankedRows rows, double prevalence)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(rows);
        PrevalenceReweighting.CheckPrevalence(prevalence);
        if (!objective.DependsOnPrevalence)
            throw new ArgumentException($"'{objective.Name}' does not depend on prevalence; its tuned threshold stands.", nameof(objective));
        var counts = rows.Counts;
        if (counts.Positives == 0 || counts.Negatives == 0)
            throw new ArgumentException($"Cannot re-tune '{objective.Name}': the tuning rows hold one class only.", "labels");
        return objective.ChooseAt(counts, prevalence);
    }
}
