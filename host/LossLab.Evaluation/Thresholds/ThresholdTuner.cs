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
        InputChecks.LabelsAndScores(labels, scores);
        var counts = ThresholdCounts.Build(labels, scores);
        if (objective.NeedsBothClasses && (counts.Positives == 0 || counts.Negatives == 0))
            throw new ArgumentException(
                $"Cannot tune '{objective.Name}': the tuning rows hold only {(counts.Positives == 0 ? "negatives" : "positives")} ({labels.Length} rows).",
                nameof(labels));
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
        return new ThresholdResult
        {
            Objective = objective.Name,
            Threshold = tuned.Threshold,
            TunedOn = tunedOn,
            ObjectiveValue = tuned.ObjectiveValue,
            Feasible = tuned.Feasible,
            Test = Metrics.Compute(testLabels, testScores, tuned.Threshold),
        };
    }
}
