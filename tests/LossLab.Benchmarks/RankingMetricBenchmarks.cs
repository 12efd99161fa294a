using BenchmarkDotNet.Attributes;
using LossLab.Evaluation;

namespace LossLab.Benchmarks;

/// <summary>
/// RankingMetrics.RocAuc and AveragePrecision on 10^6 seeded scores with about 1 % positives, rounded to 4
/// decimals so that most scores are tied with others (at most 10^4 + 1 distinct values). Target: well under 1 s each.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class RankingMetricBenchmarks
{
    public const int Rows = 1_000_000;
    private int[] _labels = null!;
    private double[] _scores = null!;

    [GlobalSetup]
    public void Setup() => (_labels, _scores) = Generate(Rows, positiveRate: 0.01, seed: 42);

    [Benchmark(Description = "RocAuc, 10^6 tied scores")]
    public double RocAuc() => RankingMetrics.RocAuc(_labels, _scores);

    [Benchmark(Description = "AveragePrecision, 10^6 tied scores")]
    public double AveragePrecision() => RankingMetrics.AveragePrecision(_labels, _scores);

    /// <summary>Labels ~ Bernoulli(positiveRate); score = σ(z + 1.5·label), z ~ N(0, 1), rounded to 4 decimals.</summary>
    public static (int[] Labels, double[] Scores) Generate(int rows, double positiveRate, int seed)
    {
        var random = new Random(seed);
        var labels = new int[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < positiveRate ? 1 : 0;
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            scores[i] = Math.Round(1 / (1 + Math.Exp(-(z + 1.5 * labels[i]))), 4);
        }
        return (labels, scores);
    }
}
