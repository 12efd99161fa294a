namespace LossLab.Engine.Data;

/// <summary>Row indices of the three splits, each sorted ascending.</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test);
