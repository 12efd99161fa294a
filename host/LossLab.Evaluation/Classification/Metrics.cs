using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Every metric of <see cref="MetricSet"/> for one set of 0/1 labels and probability scores.</summary>
public static class Metrics
{
    /// <summary>
    /// Fills every field of <see cref="MetricSet"/>, each equal to scikit-learn's:
    /// <list type="bullet">
    /// <item>roc_auc, average_precision: <see cref="RankingMetrics.RocAuc"/>, <see cref="RankingMetrics.AveragePrecision"/>;
    /// NaN when only one class is present.</item>
    /// <item>brier, log_loss: <see cref="ProbabilisticMetrics"/> (log loss clips scores to [1e-15, 1 − 1e-15]).</item>
    /// <item>ece, mce: <see cref="Calibration"/> with 10 equal-width bins.</item>
    /// <item>At <paramref name="threshold"/> t, predicting positive when score ≥ t: tp, fp, tn, fn and accuracy,
    /// precision (0 when nothing is predicted positive), recall, specificity, f1 (0 when tp = 0),
    /// balanced_accuracy (mean recall over the classes present), mcc (0 when its denominator is 0);
    /// formulas on <see cref="ConfusionCounts"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="labels">0/1 labels, at least one.</param>
    /// <param name="scores">Probabilities of class 1, in [0, 1], same length as labels.</param>
    /// <param name="threshold">Decision threshold t (any number; positive when score ≥ t).</param>
    /// <exception cref="ArgumentException">Lengths differ, empty input, a label other than 0/1, or a score
    /// outside [0, 1] or not finite.</exception>
    public static MetricSet Compute(int[] labels, double[] scores, double threshold = 0.5)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        if (double.IsNaN(threshold)) throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        return Compute(new RankedRows(labels, scores), threshold);
    }

    /// <summary>
    /// As <see cref="Compute(int[], double[], double)"/> on rows sorted once: the threshold-free metrics are computed
    /// on the first call and reused, so each further threshold costs O(log n).
    /// </summary>
    /// <exception cref="ArgumentException">A score outside [0, 1], or a NaN threshold.</exception>
    public static MetricSet Compute(RankedRows rows, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (double.IsNaN(threshold)) throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        var counts = rows.Counts.AtThreshold(threshold);
        return (rows.ThresholdFreeMetrics ??= ThresholdFree(rows)) with
        {
            Threshold = threshold,
            Tp = counts.Tp,
            Fp = counts.Fp,
            Tn = counts.Tn,
            Fn = counts.Fn,
            Accuracy = counts.Accuracy,
            Precision = counts.Precision,
            Recall = counts.Recall,
            Specificity = counts.Specificity,
            F1 = counts.F1,
            BalancedAccuracy = counts.BalancedAccuracy,
            Mcc = counts.Mcc,
        };
    }

    private static MetricSet ThresholdFree(RankedRows rows)
    {
        int[] labels = rows.Labels;
        double[] scores = rows.Scores;
        InputChecks.Probabilities(scores);
        return new MetricSet
        {
            N = labels.Length,
            Positives = rows.Counts.Positives,
            RocAuc = RankingMetrics.RocAuc(rows.Counts),
            AveragePrecision = RankingMetrics.AveragePrecision(rows.Counts),
            Brier = ProbabilisticMetrics.Brier(labels, scores),
            LogLoss = ProbabilisticMetrics.LogLoss(labels, scores),
            Ece = Calibration.ExpectedCalibrationError(labels, scores),
            Mce = Calibration.MaximumCalibrationError(labels, scores),
        };
    }
}
