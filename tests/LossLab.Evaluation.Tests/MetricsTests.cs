using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class MetricsTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void Compute_SklearnDocExample_EveryField()
    {
        int[] y = [0, 0, 1, 1];
        double[] s = [0.1, 0.4, 0.35, 0.8];
        var m = Metrics.Compute(y, s);

        Assert.Equal(4, m.N);
        Assert.Equal(2, m.Positives);
        Assert.Equal(0.75, m.RocAuc, Tol);
        Assert.Equal(5.0 / 6.0, m.AveragePrecision, Tol);
        // Brier: (0.1² + 0.4² + 0.65² + 0.2²)/4 = (0.01 + 0.16 + 0.4225 + 0.04)/4 = 0.158125.
        Assert.Equal(0.158125, m.Brier, Tol);
        // Log loss: −(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8)/4.
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8)) / 4, m.LogLoss, Tol);
        // Bins (width 0.1): 0.1→bin 1 (label 0), 0.4→bin 4 (0), 0.35→bin 3 (1), 0.8→bin 8 (1), one row each.
        // ECE = (|0−0.1| + |0−0.4| + |1−0.35| + |1−0.8|)/4 = 1.35/4 = 0.3375; MCE = 0.65.
        Assert.Equal(0.3375, m.Ece, Tol);
        Assert.Equal(0.65, m.Mce, Tol);
        // At 0.5 only 0.8 is positive: TP 1, FP 0, TN 2, FN 1.
        Assert.Equal(0.5, m.Threshold);
        Assert.Equal((1, 0, 2, 1), (m.Tp, m.Fp, m.Tn, m.Fn));
        Assert.Equal(0.75, m.Accuracy, Tol);        // (1 + 2)/4
        Assert.Equal(1.0, m.Precision, Tol);        // 1/(1 + 0)
        Assert.Equal(0.5, m.Recall, Tol);           // 1/(1 + 1)
        Assert.Equal(1.0, m.Specificity, Tol);      // 2/(2 + 0)
        Assert.Equal(2.0 / 3.0, m.F1, Tol);         // 2·1/(2·1 + 0 + 1)
        Assert.Equal(0.75, m.BalancedAccuracy, Tol); // (0.5 + 1)/2
        // MCC = (1·2 − 0·1)/√((1+0)(1+1)(2+0)(2+1)) = 2/√12.
        Assert.Equal(2 / Math.Sqrt(12), m.Mcc, Tol);
    }

    [Fact]
    public void Threshold_IsInclusive()
    {
        // Score equal to the threshold counts as positive (score ≥ t).
        var m = Metrics.Compute([0, 1], [0.35, 0.35], 0.35);
        Assert.Equal((1, 1, 0, 0), (m.Tp, m.Fp, m.Tn, m.Fn));
    }

    [Fact]
    public void NothingPredictedPositive_ZeroPrecisionF1AndMcc()
    {
        // t = 0.9: TP 0, FP 0, TN 2, FN 2. Precision 0/0 → 0, F1 → 0, MCC denominator (0)(2)(4)(2) = 0 → 0.
        var m = Metrics.Compute([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.9);
        Assert.Equal((0, 0, 2, 2), (m.Tp, m.Fp, m.Tn, m.Fn));
        Assert.Equal(0.0, m.Precision);
        Assert.Equal(0.0, m.F1);
        Assert.Equal(0.0, m.Mcc);
        Assert.Equal(0.5, m.BalancedAccuracy, Tol); // (0 + 1)/2
    }

    [Fact]
    public void OneClass_RankingNaN_BalancedAccuracyIsRecallOfPresentClass()
    {
        // Only negatives; at 0.5, 0.6 is a false positive: specificity 2/3, and sklearn's balanced accuracy
        // averages recall over the classes present: 2/3.
        var m = Metrics.Compute([0, 0, 0], [0.1, 0.2, 0.6]);
        Assert.True(double.IsNaN(m.RocAuc));
        Assert.True(double.IsNaN(m.AveragePrecision));
        Assert.Equal(2.0 / 3.0, m.Specificity, Tol);
        Assert.Equal(2.0 / 3.0, m.BalancedAccuracy, Tol);
        Assert.Equal(0.0, m.Recall);
        Assert.Equal(0.0, m.Mcc);
    }

    [Fact]
    public void LogLoss_ClipsAtOneEMinus15()
    {
        // A positive scored 0 costs −ln(1e-15); a negative scored 0 costs −ln(1 − 1e-15) ≈ 1e-15.
        var m = Metrics.Compute([1, 0], [0.0, 0.0]);
        Assert.Equal((-Math.Log(1e-15) - Math.Log(1 - 1e-15)) / 2, m.LogLoss, 1e-12);
    }

    [Theory]
    [InlineData(11, 400, 3.0, 2, 0.5)]
    [InlineData(12, 2000, 99.0, 2, 0.3)]
    [InlineData(13, 3000, 500.0, 3, 0.05)]
    [InlineData(14, 100, 1.0, 1, 0.5)]
    public void ConfusionMetrics_MatchDefinitionsOnRandomData(int seed, int n, double ratio, int decimals, double t)
    {
        var (y, s) = RandomData.Scores(seed, n, ratio, decimals);
        var m = Metrics.Compute(y, s, t);
        var (tp, fp, tn, fn) = SlowReference.Confusion(y, s, t);
        Assert.Equal((tp, fp, tn, fn), (m.Tp, m.Fp, m.Tn, m.Fn));
        Assert.Equal(SlowReference.F1(y, s, t), m.F1, 1e-12);
        // MCC as sklearn computes it: the Pearson correlation of the 0/1 label and 0/1 prediction.
        double[] yd = y.Select(v => (double)v).ToArray();
        double[] pd = s.Select(v => v >= t ? 1.0 : 0.0).ToArray();
        double my = yd.Average(), mp = pd.Average();
        double cov = yd.Zip(pd, (a, b) => (a - my) * (b - mp)).Sum();
        double vy = yd.Sum(a => (a - my) * (a - my)), vp = pd.Sum(b => (b - mp) * (b - mp));
        double mcc = vy * vp == 0 ? 0 : cov / Math.Sqrt(vy * vp);
        Assert.Equal(mcc, m.Mcc, 1e-9);
        Assert.Equal(SlowReference.Ece(y, s, 10), m.Ece, 1e-9);
        Assert.Equal(s.Zip(y, (a, b) => (a - b) * (a - b)).Average(), m.Brier, 1e-12);
    }

    [Fact]
    public void Compute_RejectsScoresOutsideUnitInterval()
    {
        var e = Assert.Throws<ArgumentException>(() => Metrics.Compute([0, 1], [0.2, 1.5]));
        Assert.Contains("scores[1]", e.Message);
    }

    [Fact]
    public void MetricNames_AreExactlyTheJsonNamesOfMetricSet()
    {
        var json = JsonNode.Parse(ResultsJson.Serialize(new MetricSet()))!.AsObject();
        Assert.Equal(json.Select(p => p.Key).OrderBy(k => k), MetricNames.All.OrderBy(k => k));
        Assert.Equal(20, MetricNames.All.Count);
    }

    [Fact]
    public void MetricNames_ToDictionary_ReadsEachField()
    {
        var m = Metrics.Compute([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
        var d = MetricNames.ToDictionary(m);
        var json = JsonNode.Parse(ResultsJson.Serialize(m))!.AsObject();
        foreach (string name in MetricNames.All) Assert.Equal(json[name]!.GetValue<double>(), d[name]);
    }
}
