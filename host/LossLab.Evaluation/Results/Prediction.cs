namespace LossLab.Evaluation.Results;

/// <summary>One row of predictions.csv: a model's score for one example of a split.</summary>
/// <param name="Id">The example's row id in the dataset (its id column, its 1-based row number, an image's path);
/// "" in files written before ids were recorded.</param>
public sealed record Prediction(string Split, int Seed, string Loss, int Label, double Score, string Id = "");
