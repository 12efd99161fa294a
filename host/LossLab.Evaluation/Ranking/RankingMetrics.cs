namespace LossLab.Evaluation;

/// <summary>
/// Threshold-free ranking metrics and their curves, equal to scikit-learn's (<c>sklearn/metrics/_ranking.py</c>)
/// including ties. Labels are 0/1; scores are any finite numbers (only their order matters). Each call sorts
/// once: O(n log n).
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// Area under the ROC curve, scikit-learn's <c>roc_auc_score</c>: the trapezoidal area under the points
    /// (FPR_k, TPR_k) of <see cref="Roc"/>, k = 0..K over the K distinct scores,
    /// <code>AUC = Σ_{k=1..K} (FPR_k − FPR_{k−1}) · (TPR_k + TPR_{k−1}) / 2</code>
    /// where FPR_k = FP_k/N, TPR_k = TP_k/P, TP_k and FP_k count positives and negatives with score ≥ the
    /// k-th highest distinct score, P and N are the numbers of positives and negatives. Equivalently, the
    /// probability that a random positive scores above a random negative, ties counting one half.
    /// Computed in exact integer arithmetic before the final division.
    /// </summary>
    /// <returns>The AUC in [0, 1]; <see cref="double.NaN"/> when only one class is present (undefined;
    /// scikit-learn raises).</returns>
    /// <example>labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.75.</example>
    public static double RocAuc(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores);
        return RocAuc(ThresholdCounts.Build(labels, scores));
    }

    internal static double RocAuc(ThresholdCounts c)
    {
        if (c.Positives == 0 || c.Negatives == 0) return double.NaN;
        // 2·P·N·AUC = Σ ΔFP_k · (TP_k + TP_{k−1}): an integer, exact in a long for any array .NET can hold.
        long twiceArea = 0;
        int previousTp = 0, previousFp = 0;
        for (int k = 0; k < c.Count; k++)
        {
            twiceArea += (long)(c.FalsePositives[k] - previousFp) * (c.TruePositives[k] + previousTp);
            previousTp = c.TruePositives[k];
            previousFp = c.FalsePositives[k];
        }
        return twiceArea / (2.0 * c.Positives * c.Negatives);
    }

    /// <summary>
    /// Average precision, scikit-learn's <c>average_precision_score</c>: the step-wise (not trapezoidal) area
    /// under the precision–recall curve,
    /// <code>AP = Σ_{k=1..K} (R_k − R_{k−1}) · P_k</code>
    /// over the K distinct scores from the highest down, where R_k = TP_k/P (R_0 = 0) and
    /// P_k = TP_k/(TP_k + FP_k) are recall and precision when predicting positive for score ≥ the k-th highest
    /// distinct score, and P is the number of positives.
    /// </summary>
    /// <returns>AP in [0, 1]; <see cref="double.NaN"/> when only one class is present (with no positives
    /// recall is undefined; with no negatives the value 1 says nothing about the scores).</returns>
    /// <example>labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.8333… (= 0.5·1 + 0.5·(2/3)).</example>
    public static double AveragePrecision(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores);
        return AveragePrecision(ThresholdCounts.Build(labels, scores));
    }

    /// <param name="negativeWeight">Weight w of each negative in precision, P_k = TP_k/(TP_k + w·FP_k): 1 for AP as
    /// sampled; <see cref="PrevalenceReweighting.AveragePrecision(RankedRows, double)"/> sets it for another prevalence.</param>
    internal static double AveragePrecision(ThresholdCounts c, double negativeWeight = 1)
    {
        if (c.Positives == 0 || c.Negatives == 0) return double.NaN;
        double sum = 0;
        int previousTp = 0;
        for (int k = 0; k < c.Count; k++)
        {
            int tp = c.TruePositives[k];
            if (tp != previousTp)
                sum += (double)(tp - previousTp) / c.Positives * tp / (tp + negativeWeight * c.FalsePositives[k]);
            previousTp = tp;
        }
        return sum;
    }

    /// <summary>
    /// The ROC curve as scikit-learn's <c>roc_curve(labels, scores, drop_intermediate=False)</c>:
    /// FPR_0 = TPR_0 = 0 at threshold +∞, then FPR_k = FP_k/N and TPR_k = TP_k/P at each distinct score
    /// (decreasing), where TP_k, FP_k count positives and negatives with score ≥ that score.
    /// </summary>
    /// <remarks>With no negatives FPR is NaN everywhere, with no positives TPR is (scikit-learn does the same,
    /// with a warning).</remarks>
    /// <example>labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → FPR [0, 0, 0.5, 0.5, 1],
    /// TPR [0, 0.5, 0.5, 1, 1], thresholds [∞, 0.8, 0.4, 0.35, 0.1].</example>
    public static RocCurve Roc(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores);
        var c = ThresholdCounts.Build(labels, scores);
        var fpr = new double[c.Count + 1];
        var tpr = new double[c.Count + 1];
        var thresholds = new double[c.Count + 1];
        thresholds[0] = double.PositiveInfinity;
        fpr[0] = c.Negatives == 0 ? double.NaN : 0.0;
        tpr[0] = c.Positives == 0 ? double.NaN : 0.0;
        for (int k = 0; k < c.Count; k++)
        {
            thresholds[k + 1] = c.Thresholds[k];
            fpr[k + 1] = c.Negatives == 0 ? double.NaN : (double)c.FalsePositives[k] / c.Negatives;
            tpr[k + 1] = c.Positives == 0 ? double.NaN : (double)c.TruePositives[k] / c.Positives;
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /// <summary>
    /// The precision–recall curve as scikit-learn's <c>precision_recall_curve</c>: for each distinct score t
    /// (increasing), precision TP/(TP+FP) and recall TP/P when predicting positive for score ≥ t, then the
    /// final point (precision 1, recall 0) with no threshold. Every distinct score is kept, down to the lowest
    /// (recall 1, precision = prevalence), as current scikit-learn does; old versions stopped at the first full recall.
    /// </summary>
    /// <remarks>With no positives recall is NaN (scikit-learn sets it to 1 with a warning).</remarks>
    /// <example>labels [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → precision [0.5, 2/3, 0.5, 1, 1],
    /// recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8].</example>
    public static PrecisionRecallCurve PrecisionRecall(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores);
        var c = ThresholdCounts.Build(labels, scores);
        int m = c.Count;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new double[m];
        for (int k = 0; k < m; k++)
        {
            // Reverse: counts run from the highest threshold down, scikit-learn's output runs up.
            int j = m - 1 - k;
            int tp = c.TruePositives[k];
            thresholds[j] = c.Thresholds[k];
            precision[j] = (double)tp / (tp + c.FalsePositives[k]);
            recall[j] = c.Positives == 0 ? double.NaN : (double)tp / c.Positives;
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }
}
