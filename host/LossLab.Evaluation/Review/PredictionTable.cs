namespace LossLab.Evaluation;

/// <summary>A user's scored rows, as read by <see cref="PredictionTableReader"/>.</summary>
/// <param name="Source">Where the rows came from (the file path), for messages and the report.</param>
/// <param name="Labels">0/1 labels.</param>
/// <param name="Scores">Probabilities of class 1, in [0, 1].</param>
/// <param name="Splits">Per row "validation" or "test" when a split column was read; null otherwise.</param>
public sealed record PredictionTable(string Source, int[] Labels, double[] Scores, string[]? Splits);
