namespace LossLab.Evaluation;

/// <summary>
/// The 2×2 confusion matrix at one threshold and the metrics read from it, with scikit-learn's conventions for
/// empty denominators (the value sklearn returns with <c>zero_division=0</c>, its default result).
/// TP, FP, TN, FN: true/false positives/negatives; P = TP + FN positives, N = FP + TN negatives.
/// </summary>
public readonly record struct ConfusionCounts(int Tp, int Fp, int Tn, int Fn)
{
    public int Total => Tp + Fp + Tn + Fn;
    public int Positives => Tp + Fn;
    public int Negatives => Fp + Tn;

    /// <summary>(TP + TN) / (P + N).</summary>
    public double Accuracy => Total == 0 ? 0.0 : (double)(Tp + Tn) / Total;

    /// <summary>TP / (TP + FP); 0 when nothing is predicted positive.</summary>
    public double Precision => Tp + Fp == 0 ? 0.0 : (double)Tp / (Tp + Fp);

    /// <summary>TP / P (true positive rate, sensitivity); 0 when P = 0.</summary>
    public double Recall => Positives == 0 ? 0.0 : (double)Tp / Positives;

    /// <summary>TN / N (true negative rate); 0 when N = 0.</summary>
    public double Specificity => Negatives == 0 ? 0.0 : (double)Tn / Negatives;

    /// <summary>FP / N (false positive rate); 0 when N = 0.</summary>
    public double FalsePositiveRate => Negatives == 0 ? 0.0 : (double)Fp / Negatives;

    /// <summary>F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0.</summary>
    public double F1 => FBeta(1.0);

    /// <summary>
    /// F_β = (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP), recall weighted β times as much as precision;
    /// 0 when TP = 0 (scikit-learn's <c>fbeta_score</c>).
    /// </summary>
    public double FBeta(double beta)
    {
        if (Tp == 0) return 0.0;
        double b2 = beta * beta;
        return (1 + b2) * Tp / ((1 + b2) * Tp + b2 * Fn + Fp);
    }

    /// <summary>
    /// Mean recall over the classes present, as scikit-learn's <c>balanced_accuracy_score</c>:
    /// (Recall + Specificity)/2 when both classes are present, otherwise the recall of the one present class.
    /// </summary>
    public double BalancedAccuracy =>
        Positives == 0 ? Specificity
        : Negatives == 0 ? Recall
        : (Recall + Specificity) / 2;

    /// <summary>
    /// Matthews correlation coefficient,
    /// MCC = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)); 0 when the denominator is 0
    /// (scikit-learn's <c>matthews_corrcoef</c>).
    /// </summary>
    public double Mcc
    {
        get
        {
            double denominator = (double)(Tp + Fp) * (Tp + Fn) * (Tn + Fp) * (Tn + Fn);
            if (denominator == 0) return 0.0;
            return ((double)Tp * Tn - (double)Fp * Fn) / Math.Sqrt(denominator);
        }
    }

    /// <summary>Counts at threshold t: positive when score ≥ t. Arguments must already be validated.</summary>
    internal static ConfusionCounts At(int[] labels, double[] scores, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            bool predicted = scores[i] >= threshold;
            if (labels[i] == 1) { if (predicted) tp++; else fn++; }
            else { if (predicted) fp++; else tn++; }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }
}
