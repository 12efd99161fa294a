using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Percentile bootstrap intervals (Efron and Tibshirani, "An Introduction to the Bootstrap", ch. 13).</summary>
internal static class PercentileInterval
{
    /// <summary>
    /// [q(α), q(1 − α)] with α = (1 − confidence)/2, where q is the empirical quantile of the resampled values
    /// with linear interpolation between order statistics (NumPy's default: q(p) = v_(⌊h⌋) + (h − ⌊h⌋)·
    /// (v_(⌊h⌋+1) − v_(⌊h⌋)), h = (m − 1)·p over the m sorted values). NaN values are left out; with none left
    /// the bounds are NaN.
    /// </summary>
    public static Interval Of(double estimate, ReadOnlySpan<double> values, double confidence)
    {
        var sorted = new List<double>(values.Length);
        foreach (double v in values) if (!double.IsNaN(v)) sorted.Add(v);
        if (sorted.Count == 0) return new Interval(estimate, double.NaN, double.NaN);
        sorted.Sort();
        double alpha = (1 - confidence) / 2;
        return new Interval(estimate, Quantile(sorted, alpha), Quantile(sorted, 1 - alpha));
    }

    private static double Quantile(List<double> sorted, double p)
    {
        double h = (sorted.Count - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
