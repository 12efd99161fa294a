namespace LossLab.Evaluation;

/// <summary>Metrics as a function of the threshold on a fixed grid, for plotting against the threshold.</summary>
public static class ThresholdSweep
{
    /// <summary>
    /// At each t_j = j/(points − 1), j = 0..points−1, precision TP/(TP+FP) (0 when TP+FP = 0), recall TP/P
    /// (0 when P = 0) and F1 = 2·TP/(2·TP+FP+FN) (0 when TP = 0), predicting positive when score ≥ t_j.
    /// One sort, then a binary search per point: O((n + points)·log n).
    /// </summary>
    /// <param name="points">Number of thresholds, at least 2 (so that both 0 and 1 are included).</param>
    public static ThresholdCurve Compute(int[] labels, double[] scores, int points = 201)
    {
        InputChecks.LabelsAndScores(labels, scores);
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least 2 points are needed.");
        var counts = ThresholdCounts.Build(labels, scores);
        var thresholds = new double[points];
        var precision = new double[points];
        var recall = new double[points];
        var f1 = new double[points];
        for (int j = 0; j < points; j++)
        {
            thresholds[j] = (double)j / (points - 1);
            var c = counts.AtThreshold(thresholds[j]);
            precision[j] = c.Precision;
            recall[j] = c.Recall;
            f1[j] = c.F1;
        }
        return new ThresholdCurve(thresholds, precision, recall, f1);
    }
}
