namespace LossLab.Evaluation;

/// <summary>
/// The confusion counts at every distinct score used as a threshold (positive when score ≥ threshold), from
/// the highest score down: scikit-learn's <c>_binary_clf_curve</c>. One sort, then one cumulative sweep, so
/// every ranking metric and threshold objective costs O(n log n).
/// </summary>
internal sealed class ThresholdCounts
{
    /// <summary>Distinct scores, strictly decreasing.</summary>
    public required double[] Thresholds { get; init; }
    /// <summary>TruePositives[k] = #{i : y_i = 1 and s_i ≥ Thresholds[k]}.</summary>
    public required int[] TruePositives { get; init; }
    /// <summary>FalsePositives[k] = #{i : y_i = 0 and s_i ≥ Thresholds[k]}.</summary>
    public required int[] FalsePositives { get; init; }
    public int Positives { get; init; }
    public int Negatives { get; init; }
    public int Count => Thresholds.Length;

    /// <summary>The confusion matrix when predicting positive for score ≥ Thresholds[k].</summary>
    public ConfusionCounts At(int k) =>
        new(TruePositives[k], FalsePositives[k], Negatives - FalsePositives[k], Positives - TruePositives[k]);

    /// <summary>The confusion matrix when predicting positive for score ≥ <paramref name="threshold"/>.</summary>
    public ConfusionCounts AtThreshold(double threshold)
    {
        // Thresholds decrease: the last one ≥ t has exactly the rows with score ≥ t above it.
        int lo = 0, hi = Count; // invariant: Thresholds[..lo] ≥ t, Thresholds[hi..] < t
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Thresholds[mid] >= threshold) lo = mid + 1; else hi = mid;
        }
        return lo == 0 ? new ConfusionCounts(0, 0, Negatives, Positives) : At(lo - 1);
    }

    /// <summary>Arguments must already be validated.</summary>
    public static ThresholdCounts Build(int[] labels, double[] scores)
    {
        int n = scores.Length;
        var keys = (double[])scores.Clone();
        var sortedLabels = (int[])labels.Clone();
        Array.Sort(keys, sortedLabels);

        // Walk from the highest score down; a threshold ends where the next (lower) score differs.
        var thresholds = new List<double>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0, fp = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            if (sortedLabels[i] == 1) tp++; else fp++;
            if (i == 0 || keys[i - 1] != keys[i])
            {
                thresholds.Add(keys[i]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }
        return new ThresholdCounts
        {
            Thresholds = thresholds.ToArray(),
            TruePositives = tps.ToArray(),
            FalsePositives = fps.ToArray(),
            Positives = tp,
            Negatives = fp,
        };
    }
}
