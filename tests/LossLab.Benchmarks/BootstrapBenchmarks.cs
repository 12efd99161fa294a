using BenchmarkDotNet.Attributes;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Benchmarks;

/// <summary>
/// PairedBootstrap.Run as the runner calls it at its defaults: 1000 resamples × 3 losses × 3 seeds × 1800 test rows
/// (~1 % positives, every seed guaranteed at least 18), thresholds tuned for max F1 on each (seed, loss); also with
/// 30 seeds (the default experiment with <c>seeds=[1,...,30]</c>, 90 runs). Threads: 1, or 0 for every core (the
/// runner's default); the result is the same bits on any count.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class BootstrapBenchmarks
{
    public const int Resamples = 1000;
    public const int TestRows = 1800;
    private static readonly string[] Losses = ["bce", "weighted-bce", "focal-g2"];
    private SeedTestSet[] _seeds = null!;

    [Params(3, 30)]
    public int Seeds { get; set; }

    /// <summary>maxDegreeOfParallelism: 0 is Environment.ProcessorCount.</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _seeds = TestSets(Seeds);

    [Benchmark(Description = "PairedBootstrap.Run, 1000 × 3 losses × seeds × 1800 rows")]
    public BootstrapSummary PairedBootstrapRun() => Run(_seeds, Threads);

    /// <summary>The benchmark's call on the given test sets.</summary>
    public static BootstrapSummary Run(SeedTestSet[] seeds, int threads) =>
        PairedBootstrap.Run(seeds, Losses, "bce", "max_f1", Resamples, seed: 0, maxDegreeOfParallelism: threads);

    /// <summary>Seeds 1..count of 1800 test rows each, with every loss's scores and tuned threshold.</summary>
    public static SeedTestSet[] TestSets(int count)
    {
        var objective = ThresholdObjective.Parse("max_f1");
        return [.. Enumerable.Range(1, count).Select(seed =>
        {
            var (labels, _) = RankingMetricBenchmarks.Generate(TestRows, positiveRate: 0.01, seed: 100 + seed);
            for (var i = 0; i < 18; i++) labels[i * (TestRows / 18)] = 1;
            var scores = new Dictionary<string, double[]>();
            var thresholds = new Dictionary<string, double>();
            foreach (var (loss, j) in Losses.Select((l, j) => (l, j)))
            {
                var random = new Random(1000 * seed + j);
                var s = labels.Select(y => Math.Round(1 / (1 + Math.Exp(-(random.NextDouble() * 4 - 2 + (1.0 + 0.5 * j) * y))), 4)).ToArray();
                scores[loss] = s;
                thresholds[loss] = ThresholdTuner.Tune(objective, labels, s).Threshold;
            }
            return new SeedTestSet(seed, labels, scores, thresholds);
        })];
    }
}
