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

    /// <summary>Seeds of unequal lengths, tied scores (rounded to 3 decimals) and, when asked, a seed whose test rows
    /// are all negatives, which makes every resample's AUC and AP NaN.</summary>
    private static List<SeedTestSet> MixedSeeds(bool singleClassSeed)
    {
        var seeds = Seeds(600).Take(2).Append(Seeds(257)[2]).ToList();
        if (singleClassSeed)
        {
            var random = new Random(9);
            var scores = new Dictionary<string, double[]>();
            foreach (string loss in (string[])["bce", "good", "noise", "bce_copy"])
                scores[loss] = [.. Enumerable.Range(0, 150).Select(_ => Math.Round(random.NextDouble(), 2))];
            seeds.Add(new SeedTestSet(3, new int[150], scores, scores.Keys.ToDictionary(k => k, _ => 0.5)));
        }
        return seeds;
    }

    /// <summary>Every number of a summary as its bits, and every verdict, keyed by where it is.</summary>
    private static List<(string Where, long Bits)> Bits(BootstrapSummary summary)
    {
        var bits = new List<(string, long)>();
        void Add(string where, double estimate, double lower, double upper)
        {
            bits.Add((where + " estimate", BitConverter.DoubleToInt64Bits(estimate)));
            bits.Add((where + " lower", BitConverter.DoubleToInt64Bits(lower)));
            bits.Add((where + " upper", BitConverter.DoubleToInt64Bits(upper)));
        }
        foreach (var (loss, metrics) in summary.Metrics)
            foreach (var (metric, i) in metrics) Add($"{loss} {metric}", i.Estimate, i.Lower, i.Upper);
        foreach (var (loss, metrics) in summary.Differences)
            foreach (var (metric, d) in metrics)
            {
                Add($"{loss} − baseline {metric}", d.Estimate, d.Lower, d.Upper);
                bits.Add(($"{loss} − baseline {metric} verdict {d.Verdict}", 0));
            }
        return bits;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnyThreadCount_GivesTheSameBits(bool singleClassSeed)
    {
        var seeds = MixedSeeds(singleClassSeed);
        string[] losses = ["bce", "good", "noise", "bce_copy"];
        // 1100 resamples of 1457 (1607) rows: two blocks of drawn rows (719 or 652 resamples, then the rest).
        var one = PairedBootstrap.Run(seeds, losses, "bce", "max_f1", 1100, seed: 5, maxDegreeOfParallelism: 1);
        Assert.Equal(singleClassSeed, double.IsNaN(one.Metrics["good"]["roc_auc"].Lower));
        Assert.False(double.IsNaN(one.Metrics["good"]["f1"].Lower));
        Assert.Contains(one.Differences.Values.SelectMany(d => d.Values), d => d.Verdict != "no clear difference");
        foreach (int threads in (int[])[2, 3, 8, 0])
        {
            var many = PairedBootstrap.Run(seeds, losses, "bce", "max_f1", 1100, seed: 5, maxDegreeOfParallelism: threads);
            Assert.Equal(Bits(one), Bits(many));
            Assert.Equal(ResultsJson.Serialize(one), ResultsJson.Serialize(many));
        }
    }

    [Theory]
    [InlineData(1)]       // the fewest resamples a block may hold: ⌈4·threads / seeds⌉
    [InlineData(20_000)]  // a few resamples per block, the last block partial
    public void ManySmallBlocks_GiveTheSameBits(int blockBytes)
    {
        var seeds = MixedSeeds(singleClassSeed: true);
        string[] losses = ["bce", "good", "noise"];
        var samples = new WeightedSample[seeds.Count, losses.Length];
        for (int i = 0; i < seeds.Count; i++)
            for (int j = 0; j < losses.Length; j++)
                samples[i, j] = new WeightedSample(seeds[i].Labels, seeds[i].ScoresByLoss[losses[j]], [seeds[i].TunedThresholdByLoss[losses[j]]]);
        var resamplers = seeds.Select(t => new StratifiedResampler(t.Labels)).ToArray();
        double[,,] Values(int threads, int bytes) => BootstrapDistribution.Of(samples, resamplers, 203, new Random(1), threads, bytes);
        var reference = Values(1, BootstrapDistribution.BlockBytes); // one block
        foreach (int threads in (int[])[1, 2, 3, 8])
        {
            var values = Values(threads, blockBytes);
            Assert.Equal(reference.Cast<double>().Select(BitConverter.DoubleToInt64Bits), values.Cast<double>().Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.Contains(reference.Cast<double>(), double.IsNaN);
        Assert.Contains(reference.Cast<double>(), v => !double.IsNaN(v));
    }

    /// <summary>
    /// The documented definition written out on one thread: per resample, per seed in list order, one stratified draw
    /// (positives then negatives) from one System.Random, each loss's metrics on it, summed over seeds in order and
    /// divided by their count; percentile intervals of those values. The bootstrap on several threads gives its bits.
    /// </summary>
    [Fact]
    public void ThreadedRun_EqualsTheSequentialDefinition()
    {
        var seeds = MixedSeeds(singleClassSeed: false);
        string[] losses = ["bce", "good", "noise"];
        const int resamples = 600;
        var samples = seeds.Select(t => losses.Select(l => new WeightedSample(t.Labels, t.ScoresByLoss[l], [t.TunedThresholdByLoss[l]])).ToArray()).ToArray();
        var resamplers = seeds.Select(t => new StratifiedResampler(t.Labels)).ToArray();
        var values = new double[losses.Length, 3][];
        for (int j = 0; j < losses.Length; j++) for (int m = 0; m < 3; m++) values[j, m] = new double[resamples];
        var random = new Random(11);
        var f1 = new double[1];
        for (int b = 0; b < resamples; b++)
        {
            var weights = resamplers.Select(r => { var w = new int[r.Length]; r.Draw(random, w); return w; }).ToArray();
            for (int j = 0; j < losses.Length; j++)
            {
                double auc = 0, ap = 0, f = 0;
                for (int i = 0; i < seeds.Count; i++)
                {
                    var r = samples[i][j].Evaluate(weights[i], f1);
                    auc += r.RocAuc;
                    ap += r.AveragePrecision;
                    f += f1[0];
                }
                (values[j, 0][b], values[j, 1][b], values[j, 2][b]) = (auc / seeds.Count, ap / seeds.Count, f / seeds.Count);
            }
        }
        var summary = PairedBootstrap.Run(seeds, losses, "bce", "max_f1", resamples, seed: 11, maxDegreeOfParallelism: 3);
        for (int j = 0; j < losses.Length; j++)
            for (int m = 0; m < 3; m++)
            {
                var interval = summary.Metrics[losses[j]][PairedBootstrap.ReportedMetrics[m]];
                var expected = PercentileInterval.Of(interval.Estimate, values[j, m], 0.95);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Lower), BitConverter.DoubleToInt64Bits(interval.Lower));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Upper), BitConverter.DoubleToInt64Bits(interval.Upper));
                if (j == 0) continue;
                var d = summary.Differences[losses[j]][PairedBootstrap.ReportedMetrics[m]];
                var expectedD = PercentileInterval.Of(d.Estimate, [.. values[j, m].Zip(values[0, m], (a, c) => a - c)], 0.95);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedD.Lower), BitConverter.DoubleToInt64Bits(d.Lower));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedD.Upper), BitConverter.DoubleToInt64Bits(d.Upper));
            }
    }

    [Fact]
    public void DrawnRows_CountedLater_AreTheDrawOfOneCall()
    {
        var (y, _) = RandomData.Scores(3, 500, 20, 2);
        var resampler = new StratifiedResampler(y);
        Random a = new(4), b = new(4);
        var weights = new int[y.Length];
        var rows = new int[y.Length];
        var counted = Enumerable.Repeat(-7, y.Length + 3).ToArray(); // longer, dirty: the counted rows' part is cleared
        for (int r = 0; r < 5; r++)
        {
            resampler.Draw(a, weights);
            resampler.DrawRows(b, rows);
            Assert.All(rows.Take(y.Sum()), row => Assert.Equal(1, y[row]));   // positives first
            Assert.All(rows.Skip(y.Sum()), row => Assert.Equal(0, y[row]));
            StratifiedResampler.Count(rows, counted);
            Assert.Equal(weights, counted.Take(y.Length));
            Assert.Equal([-7, -7, -7], counted.Skip(y.Length));
        }
        Assert.Equal(a.Next(), b.Next()); // the same draws were taken from both
    }

    [Fact]
    public void WeightedSample_WithOwnBuffers_GivesTheSameMetrics()
    {
        var (y, s) = RandomData.Scores(8, 400, 10, 2);
        var sample = new WeightedSample(y, s, [0.3, 0.6], deploymentPrevalence: 0.05);
        var twin = sample.WithOwnBuffers();
        var weights = new int[y.Length];
        var resampler = new StratifiedResampler(y);
        var random = new Random(2);
        for (int r = 0; r < 5; r++)
        {
            resampler.Draw(random, weights);
            ConfusionCounts[] c1 = new ConfusionCounts[2], c2 = new ConfusionCounts[2];
            Assert.Equal(sample.Evaluate(weights, c1), twin.Evaluate(weights, c2));
            Assert.Equal(c1, c2);
        }
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
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Run(seeds, ["bce"], "bce", "max_f1", 10, maxDegreeOfParallelism: -1));
    }
}
