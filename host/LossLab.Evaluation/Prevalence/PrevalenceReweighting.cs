namespace LossLab.Evaluation;

/// <summary>
/// Metrics at a prevalence π other than the sample's, by re-weighting the classes: recall (TPR) and the false
/// positive rate (FPR) are properties of each class and carry over; everything that mixes the classes is
/// recomputed with π (Saito and Rehmsmeier 2015, "The precision-recall plot is more informative than the ROC
/// plot when evaluating binary classifiers on imbalanced datasets", for precision's dependence on prevalence).
/// </summary>
public static class PrevalenceReweighting
{
    /// <summary>precision(π) = TPR·π / (TPR·π + FPR·(1 − π)); 0 when nothing is flagged (scikit-learn's zero_division).</summary>
    public static double Precision(double tpr, double fpr, double prevalence)
    {
        double flagged = tpr * prevalence + fpr * (1 - prevalence);
        return flagged == 0 ? 0.0 : tpr * prevalence / flagged;
    }

    /// <summary>F1(π) = 2·precision(π)·TPR / (precision(π) + TPR); 0 when both are 0.</summary>
    public static double F1(double tpr, double fpr, double prevalence)
    {
        double precision = Precision(tpr, fpr, prevalence);
        return precision + tpr == 0 ? 0.0 : 2 * precision * tpr / (precision + tpr);
    }

    /// <summary>Expected cost per example, c_FN·π·(1 − TPR) + c_FP·(1 − π)·FPR.</summary>
    public static double ExpectedCost(double tpr, double fpr, double prevalence, double falsePositiveCost, double falseNegativeCost) =>
        falseNegativeCost * prevalence * (1 - tpr) + falsePositiveCost * (1 - prevalence) * fpr;

    /// <summary>The weight of one negative so that P positives and N weighted negatives have prevalence π: w = (1 − π)/π · P/N.</summary>
    public static double NegativeWeight(int positives, int negatives, double prevalence) =>
        (1 - prevalence) / prevalence * positives / negatives;

    /// <summary>
    /// Average precision at prevalence π: scikit-learn's step AP, Σ_k (R_k − R_{k−1})·P_k over the distinct
    /// thresholds in decreasing order, with P_k = TP_k / (TP_k + w·FP_k) and w = <see cref="NegativeWeight"/>.
    /// At the sample's own prevalence w = 1 and this is <see cref="RankingMetrics.AveragePrecision"/>.
    /// </summary>
    public static double AveragePrecision(int[] labels, double[] scores, double prevalence) =>
        AveragePrecision(new RankedRows(labels, scores), prevalence);

    /// <summary>As <see cref="AveragePrecision(int[], double[], double)"/> on rows sorted once.</summary>
    public static double AveragePrecision(RankedRows rows, double prevalence)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckPrevalence(prevalence);
        var counts = rows.Counts;
        if (counts.Positives == 0 || counts.Negatives == 0) return double.NaN;
        return RankingMetrics.AveragePrecision(counts, NegativeWeight(counts.Positives, counts.Negatives, prevalence));
    }

    /// <exception cref="ArgumentOutOfRangeException">π outside (0, 1).</exception>
    public static void CheckPrevalence(double prevalence)
    {
        if (!(prevalence > 0 && prevalence < 1))
            throw new ArgumentOutOfRangeException(nameof(prevalence), prevalence, "The prevalence must be in (0, 1).");
    }
}
