namespace LossLab.Evaluation;

/// <summary>Proper scoring rules of scores read as probabilities of class 1 (scores in [0, 1], labels 0/1).</summary>
public static class ProbabilisticMetrics
{
    /// <summary>Clip used by <see cref="LogLoss"/>: scikit-learn's long-standing default eps.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Brier score loss (scikit-learn's <c>brier_score_loss</c>): BS = (1/n)·Σ_i (s_i − y_i)², with s_i the score
    /// and y_i the 0/1 label of row i, n the number of rows. Lower is better.
    /// </summary>
    /// <example>labels [0, 1], scores [0.2, 0.6] → (0.04 + 0.16)/2 = 0.1.</example>
    public static double Brier(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double d = scores[i] - labels[i];
            sum += d * d;
        }
        return sum / scores.Length;
    }

    /// <summary>
    /// Log loss (binary cross-entropy, scikit-learn's <c>log_loss</c> with eps = 1e-15):
    /// LL = −(1/n)·Σ_i [y_i·ln p_i + (1 − y_i)·ln(1 − p_i)] with p_i = clip(s_i, ε, 1 − ε), ε = 1e-15.
    /// Lower is better.
    /// </summary>
    /// <example>labels [0, 1], scores [0.2, 0.6] → −(ln 0.8 + ln 0.6)/2 ≈ 0.366985.</example>
    public static double LogLoss(int[] labels, double[] scores)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double p = Math.Clamp(scores[i], LogLossEpsilon, 1 - LogLossEpsilon);
            sum += labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }
        return -sum / scores.Length;
    }
}
