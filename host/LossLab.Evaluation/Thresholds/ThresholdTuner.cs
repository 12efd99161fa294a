using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// Chooses a decision threshold on tuning rows with a <see cref="ThresholdObjective"/> and judges it on other
/// rows. Candidates are the distinct tuning scores (positive when score ≥ candidate); one sort and one
/// cumulative sweep over them, O(n log n).
/// </summary>
public static class ThresholdTuner
{
    /// <summary>Applies <paramref name="objective"/> to the tuning rows.</summary>
    /// <param name="labels">0/1 labels; both classes must be present unless the objective is a fixed threshold.</param>
    /// <param name="scores">Finite scores (probabilities or logits: only their order matters).</param>
    /// <returns>The chosen threshold (one of <paramref name="scores"/> unless fixed), the objective's value there,
    /// and whether its floor was met.</returns>
    /// <exception cref="ArgumentException">Invalid rows, or only one class present for a tuned objective.</exception>
    public static TunedThreshold Tune(ThresholdObjective objective, int[] labels, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Tune(objective, new RankedRows(labels, scores));
    }

    /// <summary>As <see cref="Tune(ThresholdObjective, int[], double[])"/> on rows sorted once.</summary>
    public static TunedThreshold Tune(ThresholdObjective objective, RankedRows rows)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(rows);
        var counts = rows.Counts;
        if (objective.NeedsBothClasses && (counts.Positives == 0 || counts.Negatives == 0))
            throw new ArgumentException(
                $"Cannot tune '{objective.Name}': the tuning rows hold only {(counts.Positives == 0 ? "negatives" : "positives")} ({rows.Labels.Length} rows).",
                "labels");
        return objective.Choose(counts);
    }

    /// <summary>
    /// Tunes on (<paramref name="tuneLabels"/>, <paramref name="tuneScores"/>) and computes every metric of the
    /// test rows at the tuned threshold (<see cref="Metrics.Compute"/>, so test scores must be in [0, 1]).
    /// </summary>
    /// <param name="tunedOn">Recorded in <see cref="ThresholdResult.TunedOn"/>: "validation", or "same rows"
    /// when the tuning and test rows are the same (an optimistic estimate).</param>
    public static ThresholdResult Evaluate(
        ThresholdObjective objective, int[] tuneLabels, double[] tuneScores, int[] testLabels, double[] testScores,
        string tunedOn = "validation")
    {
        ArgumentNullException.ThrowIfNull(tunedOn);
        var tuned = Tune(objective, tuneLabels, tuneScores);
        return Result(objective, tuned, tunedOn, Metrics.Compute(testLabels, testScores, tuned.Threshold));
    }

    /// <summary>
    /// As <see cref="Evaluate(ThresholdObjective, int[], double[], int[], double[], string)"/> on rows sorted once:
    /// several objectives on the same tuning and test rows share their two sorts.
    /// </summary>
    public static ThresholdResult Evaluate(ThresholdObjective objective, RankedRows tune, RankedRows test, string tunedOn = "validation")
    {
        ArgumentNullException.ThrowIfNull(tunedOn);
        ArgumentNullException.ThrowIfNull(test);
        var tuned = Tune(objective, tune);
        return Result(objective, tuned, tunedOn, Metrics.Compute(test, tuned.Threshold));
    }

    private static ThresholdResult Result(ThresholdObjective objective, TunedThreshold tuned, string tunedOn, MetricSet test) => new()
    {
        Objective = objective,
        Threshold = tuned.Threshold,
        TunedOn = tunedOn,
        ObjectiveValue = tuned.ObjectiveValue,
        Feasible = tuned.Feasible,
        Test = test,
    };
}
