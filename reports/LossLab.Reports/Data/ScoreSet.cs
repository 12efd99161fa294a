namespace LossLab.Reports.Data;

/// <summary>Labels and scores of one loss on one split (one seed, or several pooled).</summary>
internal sealed record ScoreSet(int[] Labels, double[] Scores)
{
    public int Count => Labels.Length;
    public int Positives => Labels.Count(l => l == 1);
    public bool HasBothClasses => Positives > 0 && Positives < Count;
}
