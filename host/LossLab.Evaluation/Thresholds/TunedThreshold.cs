namespace LossLab.Evaluation;

/// <summary>A threshold chosen by a <see cref="ThresholdObjective"/> on tuning rows.</summary>
/// <param name="Threshold">Predict positive when score ≥ Threshold. For tuned objectives, one of the scores.</param>
/// <param name="ObjectiveValue">What the objective measured at that threshold on the tuning rows; see each
/// objective for which quantity (F_β, J, precision, recall, cost, or F1 for a fixed threshold).</param>
/// <param name="Feasible">False when a floor (precision>=P) could not be met; the threshold is then the closest one.</param>
public sealed record TunedThreshold(double Threshold, double ObjectiveValue, bool Feasible);
