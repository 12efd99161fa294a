namespace LossLab.Evaluation;

/// <summary>
/// Counts of scores per equal-width bin on [0, 1], split by true class: bin b spans [Edges[b], Edges[b+1])
/// and the last bin also holds 1.0.
/// </summary>
/// <param name="Edges">B + 1 edges b/B, from 0 to 1.</param>
/// <param name="Negatives">Per bin, the number of rows with label 0.</param>
/// <param name="Positives">Per bin, the number of rows with label 1.</param>
public sealed record ConfidenceHistogram(double[] Edges, int[] Negatives, int[] Positives);
