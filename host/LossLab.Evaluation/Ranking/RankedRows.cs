using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// 0/1 labels with their scores, checked and sorted once into the confusion counts at every distinct score, so that
/// tuning several threshold objectives (<see cref="ThresholdTuner"/>) and computing metrics at several thresholds
/// (<see cref="Metrics.Compute(RankedRows, double)"/>) on the same rows share one O(n log n) sort. Keeps the arrays
/// it is given: they must not change afterwards.
/// </summary>
public sealed class RankedRows
{
    /// <param name="labels">0/1 labels, at least one.</param>
    /// <param name="scores">Finite scores, same length (probabilities in [0, 1] where metrics read them as such).</param>
    /// <exception cref="ArgumentException">Lengths differ, no rows, a label other than 0/1, or a non-finite score.</exception>
    public RankedRows(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores);
        Labels = labels;
        Scores = scores;
        Counts = ThresholdCounts.Build(labels, scores);
    }

    public int[] Labels { get; }
    public double[] Scores { get; }
    internal ThresholdCounts Counts { get; }

    /// <summary>The threshold-free part of <see cref="Metrics.Compute(RankedRows, double)"/>, computed on first use.</summary>
    internal MetricSet? ThresholdFreeMetrics { get; set; }
}
