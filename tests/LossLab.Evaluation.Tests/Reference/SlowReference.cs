namespace LossLab.Evaluation.Tests.Reference;

/// <summary>
/// Independent, deliberately naive implementations written from the definitions, for comparison on random
/// data. Nothing here shares code with the library.
/// </summary>
internal static class SlowReference
{
    /// <summary>AUC by counting ranked (positive, negative) pairs, ties counting ½ (sklearn tests' <c>_auc</c>).</summary>
    public static double RocAuc(int[] y, double[] s)
    {
        double credit = 0;
        long pairs = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] != 1) continue;
            for (int j = 0; j < y.Length; j++)
            {
                if (y[j] != 0) continue;
                pairs++;
                if (s[i] > s[j]) credit += 1;
                else if (s[i] == s[j]) credit += 0.5;
            }
        }
        return credit / pairs;
    }

    /// <summary>AP straight from AP = Σ_n (R_n − R_{n−1})·P_n over distinct thresholds, each counted by a full pass.</summary>
    public static double AveragePrecision(int[] y, double[] s)
    {
        double[] thresholds = s.Distinct().OrderByDescending(t => t).ToArray();
        int positives = y.Count(v => v == 1);
        double ap = 0, previousRecall = 0;
        foreach (double t in thresholds)
        {
            int tp = 0, predicted = 0;
            for (int i = 0; i < y.Length; i++)
                if (s[i] >= t) { predicted++; tp += y[i]; }
            double recall = (double)tp / positives;
            double precision = (double)tp / predicted;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
    }

    /// <summary>Per bin b of B: the rows with b/B ≤ s &lt; (b+1)/B (the last bin also s = 1), found by scanning.</summary>
    public static List<int>[] EqualWidthMembers(double[] s, int bins)
    {
        var members = new List<int>[bins];
        for (int b = 0; b < bins; b++)
        {
            members[b] = [];
            double lower = (double)b / bins, upper = (double)(b + 1) / bins;
            for (int i = 0; i < s.Length; i++)
                if (s[i] >= lower && (s[i] < upper || (b == bins - 1 && s[i] <= 1.0))) members[b].Add(i);
        }
        return members;
    }

    /// <summary>ECE = Σ_b n_b/N · |mean label_b − mean score_b| with loops over bins and rows.</summary>
    public static double Ece(int[] y, double[] s, int bins)
    {
        double ece = 0;
        foreach (var bin in EqualWidthMembers(s, bins))
        {
            if (bin.Count == 0) continue;
            double meanLabel = bin.Average(i => (double)y[i]);
            double meanScore = bin.Average(i => s[i]);
            ece += (double)bin.Count / s.Length * Math.Abs(meanLabel - meanScore);
        }
        return ece;
    }

    public static double Mce(int[] y, double[] s, int bins)
    {
        double mce = 0;
        foreach (var bin in EqualWidthMembers(s, bins))
            if (bin.Count > 0)
                mce = Math.Max(mce, Math.Abs(bin.Average(i => (double)y[i]) - bin.Average(i => s[i])));
        return mce;
    }

    /// <summary>(tp, fp, tn, fn) at threshold t, positive when s ≥ t.</summary>
    public static (int Tp, int Fp, int Tn, int Fn) Confusion(int[] y, double[] s, double t)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (s[i] >= t) { if (y[i] == 1) tp++; else fp++; }
            else { if (y[i] == 1) fn++; else tn++; }
        }
        return (tp, fp, tn, fn);
    }

    /// <summary>F1 = 2·precision·recall/(precision + recall), 0 when both are 0, from a full pass.</summary>
    public static double F1(int[] y, double[] s, double t)
    {
        var (tp, fp, _, fn) = Confusion(y, s, t);
        double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
