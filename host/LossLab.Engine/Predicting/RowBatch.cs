namespace LossLab.Engine.Predicting;

/// <summary>
/// Up to a batch of rows to score: features row-major (only the first <see cref="Count"/> rows are valid; the
/// buffer may be reused by the next batch), with each row's id and, when the data has them, label and split.
/// </summary>
public sealed record RowBatch(float[] Features, int Count, string[] Ids, int[]? Labels, string[]? Splits);
