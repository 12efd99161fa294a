using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class IncrementalRocAucTests
{
    [Fact]
    public void SklearnDocExample_Is075()
    {
        var auc = new IncrementalRocAuc([0, 0, 1, 1]);
        Assert.Equal(0.75, auc.Compute([0.1, 0.4, 0.35, 0.8]));
        // The same labels re-scored: pairs (0.9 > 0.1 ✓, 0.9 > 0.4 ✓, 0.2 > 0.1 ✓, 0.2 < 0.4 ✗) → 3/4 again, then all ✓.
        Assert.Equal(0.75, auc.Compute([0.1, 0.4, 0.9, 0.2]));
        Assert.Equal(1.0, auc.Compute([0.1, 0.2, 0.9, 0.3]));
    }

    [Fact]
    public void ScoresDriftingLikeTraining_EqualRocAucBitForBit_WithoutSortingAfresh()
    {
        // 900 rows at ~1 % positives, scores rounded to 3 decimals (ties), moving a little each "epoch".
        var (labels, scores) = RandomData.Scores(seed: 7, n: 900, negativesPerPositive: 99, decimals: 3);
        var random = new Random(11);
        var auc = new IncrementalRocAuc(labels);
        for (var epoch = 0; epoch < 40; epoch++)
        {
            for (var i = 0; i < scores.Length; i++)
                scores[i] = Math.Round(Math.Clamp(scores[i] + 0.002 * RandomData.Normal(random), 0, 1), 3);
            Assert.Equal(RankingMetrics.RocAuc(labels, scores), auc.Compute(scores));
        }
        // The first call starts from row order, which a random score vector is far from; later calls are incremental.
        Assert.True(auc.FreshSorts <= 1, $"{auc.FreshSorts} fresh sorts in 40 calls");
    }

    [Fact]
    public void ScoresReshuffledEveryCall_FallBackToAFreshSort_AndStillAgree()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? 1 : 0).ToArray();
        var auc = new IncrementalRocAuc(labels);
        for (var call = 0; call < 10; call++)
        {
            var scores = labels.Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
            Assert.Equal(SlowReference.RocAuc(labels, scores), auc.Compute(scores), 1e-12);
            Assert.Equal(RankingMetrics.RocAuc(labels, scores), auc.Compute(scores));
        }
        Assert.True(auc.FreshSorts >= 5, $"only {auc.FreshSorts} fresh sorts for 10 unrelated score vectors");
    }

    [Fact]
    public void AllTied_IsOneHalf()
    {
        var auc = new IncrementalRocAuc([1, 0, 0, 1, 0]);
        Assert.Equal(0.5, auc.Compute([0.3, 0.3, 0.3, 0.3, 0.3]));
    }

    [Fact]
    public void OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(new IncrementalRocAuc([0, 0, 0]).Compute([0.1, 0.2, 0.3])));
        Assert.True(double.IsNaN(new IncrementalRocAuc([1, 1]).Compute([0.1, 0.2])));
    }

    [Fact]
    public void NonFiniteScore_IsNaN_AndTheNextCallIsRightAgain()
    {
        var auc = new IncrementalRocAuc([0, 0, 1, 1]);
        Assert.True(double.IsNaN(auc.Compute([0.1, double.NaN, 0.35, 0.8])));
        Assert.True(double.IsNaN(auc.Compute([0.1, 0.4, double.PositiveInfinity, 0.8])));
        Assert.Equal(0.75, auc.Compute([0.1, 0.4, 0.35, 0.8]));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IncrementalRocAuc([0, 2]));
        Assert.Throws<ArgumentException>(() => new IncrementalRocAuc([0, 1]).Compute([0.5]));
    }
}
