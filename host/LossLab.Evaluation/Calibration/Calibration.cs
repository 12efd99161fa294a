namespace LossLab.Evaluation;

/// <summary>
/// How far scores read as probabilities are from observed frequencies. Scores must lie in [0, 1]; labels are
/// 0/1. Equal-width bins: bin b of B holds scores in [b/B, (b+1)/B), the last bin also holds 1.0.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// The reliability diagram: per bin, the count n_b, the mean score conf_b = (1/n_b)·Σ_{i∈b} s_i and the
    /// fraction of positives acc_b = (1/n_b)·Σ_{i∈b} y_i (scikit-learn's <c>calibration_curve</c> gives
    /// (acc_b, conf_b) for the non-empty bins).
    /// </summary>
    /// <param name="bins">B ≥ 1. Equal-count binning uses min(B, n) bins.</param>
    /// <returns>One bin per interval in increasing order. Empty equal-width bins are kept, with Count 0 and
    /// NaN means, so that bin b always spans [b/B, (b+1)/B).</returns>
    public static ReliabilityBin[] Reliability(
        int[] labels, double[] scores, int bins = 10, ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        InputChecks.Bins(bins);
        return binning switch
        {
            ReliabilityBinning.EqualWidth => EqualWidth(labels, scores, bins),
            ReliabilityBinning.EqualCount => EqualCount(labels, scores, bins),
            _ => throw new ArgumentOutOfRangeException(nameof(binning), binning, "Unknown binning."),
        };
    }

    /// <summary>
    /// Expected calibration error with B equal-width bins (torchmetrics' <c>binary_calibration_error</c>, norm l1):
    /// <code>ECE = Σ_b (n_b / n) · |acc_b − conf_b|</code>
    /// where n_b is the number of scores in bin b, acc_b the fraction of positives and conf_b the mean score
    /// in that bin, n the number of rows; empty bins contribute 0.
    /// </summary>
    /// <example>labels [0, 1], scores [0.2, 0.6], B = 10: bins 2 and 6 hold one row each,
    /// ECE = ½·|0 − 0.2| + ½·|1 − 0.6| = 0.3.</example>
    public static double ExpectedCalibrationError(int[] labels, double[] scores, int bins = 10)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        InputChecks.Bins(bins);
        var (count, scoreSum, positives) = Accumulate(labels, scores, bins);
        double ece = 0;
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) ece += Math.Abs(positives[b] - scoreSum[b]) / labels.Length;
        return ece;
    }

    /// <summary>
    /// Maximum calibration error with B equal-width bins (torchmetrics' norm max):
    /// <code>MCE = max over non-empty bins b of |acc_b − conf_b|</code>
    /// with acc_b the fraction of positives and conf_b the mean score in bin b.
    /// </summary>
    /// <example>labels [0, 1], scores [0.2, 0.6], B = 10 → max(0.2, 0.4) = 0.4.</example>
    public static double MaximumCalibrationError(int[] labels, double[] scores, int bins = 10)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        InputChecks.Bins(bins);
        var (count, scoreSum, positives) = Accumulate(labels, scores, bins);
        double mce = 0;
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) mce = Math.Max(mce, Math.Abs(positives[b] - scoreSum[b]) / count[b]);
        return mce;
    }

    /// <summary>
    /// Per equal-width bin of [0, 1], how many negatives and how many positives scored there: the two
    /// overlaid score distributions.
    /// </summary>
    public static ConfidenceHistogram Histogram(int[] labels, double[] scores, int bins = 20)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        InputChecks.Bins(bins);
        var negatives = new int[bins];
        var positives = new int[bins];
        for (int i = 0; i < scores.Length; i++)
        {
            int b = EqualWidthBins.IndexOf(scores[i], bins);
            if (labels[i] == 1) positives[b]++; else negatives[b]++;
        }
        return new ConfidenceHistogram(EqualWidthBins.Edges(bins), negatives, positives);
    }

    private static (int[] Count, double[] ScoreSum, int[] Positives) Accumulate(int[] labels, double[] scores, int bins)
    {
        var count = new int[bins];
        var scoreSum = new double[bins];
        var positives = new int[bins];
        for (int i = 0; i < scores.Length; i++)
        {
            int b = EqualWidthBins.IndexOf(scores[i], bins);
            count[b]++;
            scoreSum[b] += scores[i];
            positives[b] += labels[i];
        }
        return (count, scoreSum, positives);
    }

    private static ReliabilityBin[] EqualWidth(int[] labels, double[] scores, int bins)
    {
        var (count, scoreSum, positives) = Accumulate(labels, scores, bins);
        var result = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++)
        {
            double meanScore = count[b] == 0 ? double.NaN : scoreSum[b] / count[b];
            double fraction = count[b] == 0 ? double.NaN : (double)positives[b] / count[b];
            result[b] = new ReliabilityBin(
                EqualWidthBins.Edge(b, bins), EqualWidthBins.Edge(b + 1, bins), count[b], meanScore, fraction);
        }
        return result;
    }

    private static ReliabilityBin[] EqualCount(int[] labels, double[] scores, int bins)
    {
        int n = scores.Length;
        // Sort positions by (score, original index) so the split does not depend on the sort's tie order.
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[a].CompareTo(scores[b]) : a.CompareTo(b));

        int used = Math.Min(bins, n);
        var result = new ReliabilityBin[used];
        for (int b = 0; b < used; b++)
        {
            int start = (int)((long)b * n / used), end = (int)((long)(b + 1) * n / used);
            double scoreSum = 0;
            int positives = 0;
            for (int j = start; j < end; j++)
            {
                scoreSum += scores[order[j]];
                positives += labels[order[j]];
            }
            int count = end - start;
            result[b] = new ReliabilityBin(
                scores[order[start]], scores[order[end - 1]], count, scoreSum / count, (double)positives / count);
        }
        return result;
    }
}
