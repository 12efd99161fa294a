namespace LossLab.Evaluation.Results;

/// <summary>One row of predictions.csv: a model's score for one example of a split.</summary>
public sealed record Prediction(string Split, int Seed, string Loss, int Label, double Score);
