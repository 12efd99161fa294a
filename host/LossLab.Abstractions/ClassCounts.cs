namespace LossLab.Abstractions;

/// <summary>Examples per class in the training split, the only data statistic a loss may use.</summary>
public readonly record struct ClassCounts(long Negatives, long Positives)
{
    public long Total => Negatives + Positives;

    public long this[int label] => label == 1 ? Positives : Negatives;

    public override string ToString() => $"{Negatives} negative / {Positives} positive";
}
