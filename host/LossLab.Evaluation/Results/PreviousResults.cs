namespace LossLab.Evaluation.Results;

/// <summary>An earlier, possibly interrupted, run of the same experiment, read back from its results folder.</summary>
public sealed record PreviousResults(ExperimentResults Results, IReadOnlyList<Prediction> Predictions);
