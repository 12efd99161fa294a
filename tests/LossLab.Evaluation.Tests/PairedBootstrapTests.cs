using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class PairedBootstrapTests
{
    /// <summary>Three seeds of test rows; loss "good" separates classes better than "bce", "noise" hardly at all.</summary>
    private static List<SeedTestSet> Seeds(int n = 600)
    {
        var sets = new List<SeedTestSet>();
        for (int seed = 0; seed < 3; seed++)
        {
            var random = new Random(100 + seed);
            var y = new int[n];
            var bce = new double[n];
            var good = new double[n];
            var noise = new double[n];
            for (int i = 0; i < n; i++)
            {
                y[i] = i % 20 == 0 ? 1 : 0;
                double e = RandomData.Normal(random);
                bce[i] = Math.Round(Sigmoid(e + 1.0 * y[i] - 2), 3);
                good[i] = Math.Round(Sigmoid(0.4 * e + 2.5 * y[i] - 2), 3);
                noise[i] = Math.Round(Sigmoid(RandomData.Normal(random) + 0.1 * y[i]), 3);
            }
            var scores = new Dictionary<string, double[]> { ["bce"] = bce, ["good"] = good, ["noise"] = noise, ["bce_copy"] = (double[])bce.Clone() };
            var thresholds = scores.ToDictionary(
                kv => kv.Key, kv => ThresholdTuner.Tune(new MaxFBetaObjective(1), y, kv.Value).Threshold);
            sets.Add(new SeedTestSet(seed, y, scores, thresholds));
        }
        return sets;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void WeightedResample_EqualsTheMaterialisedResample()
    {
        var (y, s) = RandomData.Scores(51, 800, 20, 2);
        double t = 0.4;
        var sample = new WeightedSample(y, s, [t, 0.7]);
        var resampler = new StratifiedResampler(y);
        var random = new Random(7);
        var weights = new int[y.Length];
        var f1 = new double[2];
        for (int r = 0; r < 20; r++)
        {
            resampler.Draw(random, weights);
            // Stratified: class counts are kept.
            Assert.Equal(y.Sum(), y.Select((label, i) => label * weights[i]).Sum());
            Assert.Equal(y.Length, weights.Sum());
            var rows = Enumerable.Range(0, y.Length).SelectMany(i => Enumerable.Repeat(i, weights[i])).ToArray();
            int[] ry = rows.Select(i => y[i]).ToArray();
            double[] rs = rows.Select(i => s[i]).ToArray();
            var m = sample.Evaluate(weights, f1);
            Assert.Equal(SlowReference.RocAuc(ry, rs), m.RocAuc, 1e-12);
            Assert.Equal(SlowReference.AveragePrecision(ry, rs), m.AveragePrecision, 1e-12);
            Assert.Equal(rs.Zip(ry, (a, b) => (a - b) * (a - b)).Average(), m.Brier, 1e-12);
            Assert.Equal(SlowReference.F1(ry, rs, t), f1[0], 1e-12);
            Assert.Equal(SlowReference.F1(ry, rs, 0.7), f1[1], 1e-12);
            // The calibration and log-loss terms of the same resample, and the counts behind F1.
            var counts = new ConfusionCounts[2];
            var again = sample.Evaluate(weights, counts);
            Assert.Equal(m, again);
            Assert.Equal(SlowReference.Ece(ry, rs, 10), m.Ece, 1e-12);
            Assert.Equal(SlowReference.Mce(ry, rs, 10), m.Mce, 1e-12);
            Assert.Equal(ProbabilisticMetrics.LogLoss(ry, rs), m.LogLoss, 1e-12);
            Assert.Equal(SlowReference.Confusion(ry, rs, 0.7), (counts[1].Tp, counts[1].Fp, counts[1].Tn, counts[1].Fn));
            var deployed = new WeightedSample(y, s, [t], deploymentPrevalence: 0.02).Evaluate(weights, counts.AsSpan(0, 1));
            Assert.Equal(PrevalenceReweighting.AveragePrecision(ry, rs, 0.02), deployed.DeploymentAveragePrecision, 1e-12);
            Assert.True(double.IsNaN(m.DeploymentAveragePrecision));
        }
    }

    [Fact]
    public void Estimates_AreFullSampleMeansOverSeeds()
    {
        var seeds = Seeds();
        var summary = PairedBootstrap.Run(seeds, ["bce", "good"], "bce", "max_f1", resamples: 50);
        foreach (string loss in (string[])["bce", "good"])
        {
            Assert.Equal(seeds.Average(t => SlowReference.RocAuc(t.Labels, t.ScoresByLoss[loss])),
                summary.Metrics[loss]["roc_auc"].Estimate, 1e-12);
            Assert.Equal(seeds.Average(t => SlowReference.AveragePrecision(t.Labels, t.ScoresByLoss[loss])),
                summary.Metrics[loss]["average_precision"].Estimate, 1e-12);
            Assert.Equal(seeds.Average(t => SlowReference.F1(t.Labels, t.ScoresByLoss[loss], t.TunedThresholdByLoss[loss])),
                summary.Metrics[loss]["f1"].Estimate, 1e-12);
        }
        Assert.Equal(summary.Metrics["good"]["roc_auc"].Estimate - summary.Metrics["bce"]["roc_auc"].Estimate,
            summary.Differences["good"]["roc_auc"].Estimate, 1e-12);
        Assert.False(summary.Differences.ContainsKey("bce"));
        Assert.Equal(("bce", "max_f1", 50, 0, 0.95), (summary.Baseline, summary.ThresholdObjective, summary.Resamples, summary.Seed, summary.Confidence));
    }

    [Fact]
    public void SameSeed_SameResult_OtherSeed_OtherResult()
    {
        var seeds = Seeds();
        string a = ResultsJson.Serialize(PairedBootstrap.Run(seeds, ["bce", "good"], "bce", "max_f1", 200, seed: 3));
        string b = ResultsJson.Serialize(PairedBootstrap.Run(seeds, ["bce", "good"], "bce", "max_f1", 200, seed: 3));
        string c = ResultsJson.Serialize(PairedBootstrap.Run(seeds, ["bce", "good"], "bce", "max_f1", 200, seed: 4));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void LossAgainstItself_DifferenceIsExactlyZero()
    {
        var summary = PairedBootstrap.Run(Seeds(), ["bce", "bce_copy"], "bce", "max_f1", 300);
        foreach (var d in summary.Differences["bce_copy"].Values)
        {
            Assert.Equal(0.0, d.Estimate);
            Assert.Equal(0.0, d.Lower);
            Assert.Equal(0.0, d.Upper);
            Assert.Equal("no clear difference", d.Verdict);
        }
    }

    [Fact]
    public void ClearDifferences_GetVerdicts()
    {
        var summary = PairedBootstrap.Run(Seeds(), ["bce", "good", "noise"], "bce", "max_f1", 500);
        Assert.Equal("better", summary.Differences["good"]["roc_auc"].Verdict);
        Assert.Equal("worse", summary.Differences["noise"]["roc_auc"].Verdict);
        Assert.True(summary.Differences["good"]["roc_auc"].Lower > 0);
        Assert.True(summary.Differences["noise"]["roc_auc"].Upper < 0);
        foreach (var interval in summary.Metrics.Values.SelectMany(m => m.Values))
            Assert.True(interval.Lower <= interval.Upper);
    }

    [Fact]
    public void PercentileInterval_IsNumpyLinearPercentile()
    {
        // Values 1..5, confidence 0.5: q(0.25) at h = 4·0.25 = 1 → 2; q(0.75) at h = 3 → 4.
        var a = PercentileInterval.Of(3, [5, 1, 4, 2, 3], 0.5);
        Assert.Equal((3.0, 2.0, 4.0), (a.Estimate, a.Lower, a.Upper));
        // [0, 10], 90%: h = 0.05 → 0.5, h = 0.95 → 9.5 (numpy.percentile([0, 10], [5, 95]) = [0.5, 9.5]).
        var b = PercentileInterval.Of(5, [10, 0], 0.9);
        Assert.Equal(0.5, b.Lower, 1e-12);
        Assert.Equal(9.5, b.Upper, 1e-12);
        // NaN values are left out; none left → NaN bounds.
        Assert.Equal(2.0, PercentileInterval.Of(0, [double.NaN, 2, 2], 0.95).Lower);
        Assert.True(double.IsNaN(PercentileInterval.Of(0, [double.NaN], 0.95).Upper));
    }

    [Fact]
    public void Verdict_IsByTheSignOfTheInterval()
    {
        Assert.Equal("better", PairedBootstrap.Verdict(new Interval(0.02, 0.001, 0.03)));
        Assert.Equal("worse", PairedBootstrap.Verdict(new Interval(-0.02, -0.03, -0.001)));
        Assert.Equal("no clear difference", PairedBootstrap.Verdict(new Interval(0.01, -0.001, 0.03)));
        Assert.Equal("no clear difference", PairedBootstrap.Verdict(new Interval(0.01, 0, 0.03)));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        var seeds = Seeds(100);
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Run(seeds, ["bce"], "focal", "max_f1"));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Run(seeds, ["bce", "focal"], "bce", "max_f1"));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Run([], ["bce"], "bce", "max_f1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Run(seeds, ["bce"], "bce", "max_f1", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Run(seeds, ["bce"], "bce", "max_f1", 10, 0, 1.0));
    }
}
