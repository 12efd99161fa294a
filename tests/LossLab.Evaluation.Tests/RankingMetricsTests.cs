using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class RankingMetricsTests
{
    private const double Tol = 1e-12;

    // The example of sklearn's roc_auc_score / average_precision_score / roc_curve / precision_recall_curve docs.
    private static readonly int[] DocLabels = [0, 0, 1, 1];
    private static readonly double[] DocScores = [0.1, 0.4, 0.35, 0.8];

    [Fact]
    public void RocAuc_SklearnDocExample_Is075()
    {
        // Pairs (pos, neg): 0.35>0.1 ✓, 0.35<0.4 ✗, 0.8>0.1 ✓, 0.8>0.4 ✓ → 3/4.
        Assert.Equal(0.75, RankingMetrics.RocAuc(DocLabels, DocScores), Tol);
    }

    [Fact]
    public void AveragePrecision_SklearnDocExample_Is083()
    {
        // Descending: 0.8 (pos) R=1/2 P=1; 0.4 (neg) R unchanged; 0.35 (pos) R=1 P=2/3; 0.1 (neg) R unchanged.
        // AP = 1/2·1 + 1/2·2/3 = 5/6 = 0.8333333333 (sklearn doc: 0.83...).
        Assert.Equal(5.0 / 6.0, RankingMetrics.AveragePrecision(DocLabels, DocScores), Tol);
    }

    [Fact]
    public void Roc_SklearnDocExample()
    {
        // sklearn roc_curve docs: fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [inf, 0.8, 0.4, 0.35, 0.1].
        var roc = RankingMetrics.Roc(DocLabels, DocScores);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.Fpr);
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Tpr);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], roc.Thresholds);
    }

    [Fact]
    public void PrecisionRecall_SklearnDocExample()
    {
        // sklearn precision_recall_curve docs: precision [0.5, 0.66666667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0],
        // thresholds [0.1, 0.35, 0.4, 0.8].
        var pr = RankingMetrics.PrecisionRecall(DocLabels, DocScores);
        Assert.Equal(5, pr.Precision.Length);
        Assert.Equal(0.5, pr.Precision[0], Tol);
        Assert.Equal(2.0 / 3.0, pr.Precision[1], Tol);
        Assert.Equal(0.5, pr.Precision[2], Tol);
        Assert.Equal(1.0, pr.Precision[3], Tol);
        Assert.Equal(1.0, pr.Precision[4], Tol);
        Assert.Equal([1, 1, 0.5, 0.5, 0], pr.Recall);
        Assert.Equal([0.1, 0.35, 0.4, 0.8], pr.Thresholds);
    }

    [Fact]
    public void Ties_GetHalfCredit()
    {
        // Positives {0.5, 0.8}, negatives {0.5, 0.2}. Pairs: (0.5,0.5) ½, (0.5,0.2) 1, (0.8,0.5) 1, (0.8,0.2) 1 → 3.5/4.
        int[] y = [0, 1, 0, 1];
        double[] s = [0.5, 0.5, 0.2, 0.8];
        Assert.Equal(0.875, RankingMetrics.RocAuc(y, s), Tol);
        // Thresholds 0.8: TP1 FP0 (R ½, P 1); 0.5: TP2 FP1 (R 1, P 2/3); 0.2: R unchanged. AP = ½ + ½·2/3 = 5/6.
        Assert.Equal(5.0 / 6.0, RankingMetrics.AveragePrecision(y, s), Tol);
        // The tied group is one ROC step: (0,½) → (½,1), a diagonal.
        var roc = RankingMetrics.Roc(y, s);
        Assert.Equal([0, 0, 0.5, 1], roc.Fpr);
        Assert.Equal([0, 0.5, 1, 1], roc.Tpr);
    }

    [Fact]
    public void AllScoresEqual_AucHalf_ApIsPrevalence()
    {
        // One threshold: everything positive, R = 1, P = 2/5 → AP = 0.4; the ROC is the diagonal → 0.5.
        int[] y = [1, 0, 1, 0, 0];
        double[] s = [0.3, 0.3, 0.3, 0.3, 0.3];
        Assert.Equal(0.5, RankingMetrics.RocAuc(y, s), Tol);
        Assert.Equal(0.4, RankingMetrics.AveragePrecision(y, s), Tol);
    }

    [Fact]
    public void PerfectSeparation_AucAndApAreOne_ReversedAucIsZero()
    {
        int[] y = [0, 0, 0, 1, 1];
        double[] s = [0.1, 0.2, 0.3, 0.7, 0.9];
        Assert.Equal(1.0, RankingMetrics.RocAuc(y, s), Tol);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision(y, s), Tol);
        double[] reversed = s.Select(v => 1 - v).ToArray();
        Assert.Equal(0.0, RankingMetrics.RocAuc(y, reversed), Tol);
        // Reversed, descending: 0.9, 0.8, 0.7 (negatives), 0.3 (positive: TP 1 of 4 predicted, P = 1/4),
        // 0.1 (positive: TP 2 of 5, P = 2/5).
        // AP = ½·¼ + ½·⅖ = 0.125 + 0.2 = 0.325.
        Assert.Equal(0.325, RankingMetrics.AveragePrecision(y, reversed), Tol);
    }

    [Fact]
    public void OnePositive()
    {
        // The positive (0.25) beats negatives 0.1 and 0.2, loses to 0.3 and 0.9 → AUC 2/4.
        // AP: it is found at the third threshold with 2 negatives above → P = 1/3, R jumps 0 → 1: AP = 1/3.
        int[] y = [0, 0, 0, 1, 0];
        double[] s = [0.1, 0.2, 0.3, 0.25, 0.9];
        Assert.Equal(0.5, RankingMetrics.RocAuc(y, s), Tol);
        Assert.Equal(1.0 / 3.0, RankingMetrics.AveragePrecision(y, s), Tol);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 1, 1 })]
    public void OneClass_GivesNaN(int[] y)
    {
        double[] s = y.Select((_, i) => 0.1 * i).ToArray();
        Assert.True(double.IsNaN(RankingMetrics.RocAuc(y, s)));
        Assert.True(double.IsNaN(RankingMetrics.AveragePrecision(y, s)));
    }

    public static TheoryData<int, int, double, int> RandomCases() => new()
    {
        // seed, n, negatives per positive, decimals (fewer decimals → more ties)
        { 1, 200, 1, 1 },
        { 2, 500, 3, 2 },
        { 3, 1000, 9, 2 },
        { 4, 2000, 99, 3 },
        { 5, 3000, 500, 2 },
        { 6, 3000, 500, 6 },
        { 7, 50, 1, 0 },
        { 8, 1500, 0.05, 2 },
    };

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RocAuc_EqualsPairCounting(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        Assert.Equal(SlowReference.RocAuc(y, s), RankingMetrics.RocAuc(y, s), 1e-9);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void AveragePrecision_EqualsDirectDefinition(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        double ap = RankingMetrics.AveragePrecision(y, s);
        Assert.Equal(SlowReference.AveragePrecision(y, s), ap, 1e-9);
        Assert.InRange(ap, 0.0, 1.0);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Curves_MatchDirectCounting(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        int p = y.Sum(), negatives = n - p;
        var roc = RankingMetrics.Roc(y, s);
        Assert.Equal(s.Distinct().Count() + 1, roc.Thresholds.Length);
        Assert.Equal((0.0, 0.0), (roc.Fpr[0], roc.Tpr[0]));
        Assert.Equal((1.0, 1.0), (roc.Fpr[^1], roc.Tpr[^1]));
        for (int k = 1; k < roc.Thresholds.Length; k += Math.Max(1, roc.Thresholds.Length / 20))
        {
            var c = SlowReference.Confusion(y, s, roc.Thresholds[k]);
            Assert.Equal((double)c.Fp / negatives, roc.Fpr[k], Tol);
            Assert.Equal((double)c.Tp / p, roc.Tpr[k], Tol);
        }
        var pr = RankingMetrics.PrecisionRecall(y, s);
        Assert.Equal(pr.Thresholds.Length + 1, pr.Precision.Length);
        Assert.Equal((1.0, 0.0), (pr.Precision[^1], pr.Recall[^1]));
        for (int k = 0; k < pr.Thresholds.Length; k += Math.Max(1, pr.Thresholds.Length / 20))
        {
            var c = SlowReference.Confusion(y, s, pr.Thresholds[k]);
            Assert.Equal((double)c.Tp / (c.Tp + c.Fp), pr.Precision[k], Tol);
            Assert.Equal((double)c.Tp / p, pr.Recall[k], Tol);
        }
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RocAuc_InvariantUnderMonotoneTransforms(int seed, int n, double ratio, int decimals)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        double auc = RankingMetrics.RocAuc(y, s);
        double ap = RankingMetrics.AveragePrecision(y, s);
        // Strictly increasing maps keep the order and the ties: logit, cube, affine.
        Func<double, double>[] transforms = [v => Math.Log((v + 1e-3) / (1.001 - v)), v => v * v * v, v => 3 * v - 7];
        foreach (var f in transforms)
        {
            double[] t = s.Select(f).ToArray();
            Assert.Equal(auc, RankingMetrics.RocAuc(y, t), 1e-12);
            Assert.Equal(ap, RankingMetrics.AveragePrecision(y, t), 1e-12);
        }
    }

    [Fact]
    public void InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc([0, 1], [0.5]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc([0, 2], [0.5, 0.6]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc([0, 1], [0.5, double.NaN]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.AveragePrecision([], []));
        var e = Assert.Throws<ArgumentException>(() => RankingMetrics.Roc([0, 1, -1], [0.1, 0.2, 0.3]));
        Assert.Contains("labels[2]", e.Message);
    }
}
