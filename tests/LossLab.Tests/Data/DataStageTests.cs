using LossLab.Evaluation.Experiments;
using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Engine.Experiments;

namespace LossLab.Tests.Data;

public sealed class DataStageTests
{
    private static Dataset Make(int negatives, int positives)
    {
        var labels = Enumerable.Repeat(0, negatives).Concat(Enumerable.Repeat(1, positives)).ToArray();
        var features = labels.Select((_, i) => (float)i).ToArray();
        return new Dataset(features, labels, new DatasetInfo([1], ["x"], ["n", "p"], "test"));
    }

    [Theory]
    [InlineData(5800, 200, 58, 100)] // floor(5800 / 58) = 100 positives kept
    [InlineData(990, 300, 99, 10)]
    [InlineData(1000, 7, 99, 7)]     // already more imbalanced than asked: kept as given
    public void Imbalance_keeps_floor_of_majority_over_ratio_minority_rows(int negatives, int positives, double ratio, int expectedPositives)
    {
        var warnings = new List<string>();
        var result = ImbalanceSampler.Apply(Make(negatives, positives), new ImbalanceSettings(1, ratio), seed: 3, warnings.Add);
        Assert.Equal(expectedPositives, result.Labels.Count(y => y == 1));
        Assert.Equal(negatives, result.Labels.Count(y => y == 0));
        Assert.Equal(negatives / (double)positives >= ratio, warnings.Count == 1); // warned only when already that imbalanced
        // rows keep their features (feature = original row index) and order
        Assert.True(result.Features.Zip(result.Features.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Imbalance_can_subsample_class_0_and_is_deterministic_per_seed()
    {
        var data = Make(300, 600);
        var a = ImbalanceSampler.Apply(data, new ImbalanceSettings(0, 10), 1, _ => { });
        var b = ImbalanceSampler.Apply(data, new ImbalanceSettings(0, 10), 1, _ => { });
        var c = ImbalanceSampler.Apply(data, new ImbalanceSettings(0, 10), 2, _ => { });
        Assert.Equal(60, a.Labels.Count(y => y == 0));
        Assert.Equal(a.Features, b.Features);
        Assert.NotEqual(a.Features, c.Features);
    }

    [Fact]
    public void Split_is_stratified_disjoint_complete_and_deterministic()
    {
        var labels = Make(990, 60).Labels;
        var split = StratifiedSplitter.Split(labels, new SplitSettings(0.15, 0.3), seed: 1);
        Assert.Equal(18, split.Test.Count(i => labels[i] == 1));      // round(60 · 0.3)
        Assert.Equal(297, split.Test.Count(i => labels[i] == 0));     // round(990 · 0.3)
        Assert.Equal(9, split.Validation.Count(i => labels[i] == 1)); // round(60 · 0.15)
        Assert.Equal(149, split.Validation.Count(i => labels[i] == 0)); // round(148.5) away from zero
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        Assert.Equal(labels.Length, all.Distinct().Count());
        Assert.Equal(labels.Length, all.Count);
        Assert.Equal(split.Train, StratifiedSplitter.Split(labels, new SplitSettings(0.15, 0.3), 1).Train);
        Assert.NotEqual(split.Train, StratifiedSplitter.Split(labels, new SplitSettings(0.15, 0.3), 2).Train);
    }

    [Fact]
    public void A_split_without_a_positive_is_refused_naming_the_split()
    {
        var labels = Make(500, 2).Labels;
        var e = Assert.Throws<DataException>(() => StratifiedSplitter.Split(labels, new SplitSettings(0.15, 0.3), 1));
        Assert.Contains("split 'validation'", e.Message);
        Assert.Contains("class 1", e.Message);
    }

    [Fact]
    public void Standardisation_uses_training_rows_only()
    {
        float[] features = [1, 10, 3, 10, 100, -50]; // 3 rows × 2 features
        var standardizer = Standardizer.Fit(features, 2, [0, 1]);
        Assert.Equal([2.0, 10.0], standardizer.Mean);
        Assert.Equal([1.0, 1.0], standardizer.Sd); // column 2 is constant on training rows: sd 1
        Assert.Equal([-1f, 0f, 1f, 0f, 98f, -60f], standardizer.Transform(features, 2));
    }

    [Fact]
    public void Batch_schedules_cover_every_row_each_epoch_and_hash_the_order()
    {
        var a = BatchSchedule.Create(10, 3, 4, 5);
        var orders = a.EpochOrders().Select(o => o.ToArray()).ToList();
        Assert.Equal(3, orders.Count);
        Assert.Equal([4, 4, 2], a.Batches(orders[0]).Select(b => b.Count));
        Assert.All(orders, o => Assert.Equal(Enumerable.Range(0, 10), o.Order()));
        Assert.NotEqual(orders[0], orders[1]);
        var split = new DataSplit([0, 1], [2], [3]);
        Assert.Equal(a.Hash(split), BatchSchedule.Create(10, 3, 4, 5).Hash(split));
        Assert.NotEqual(a.Hash(split), BatchSchedule.Create(10, 3, 4, 6).Hash(split));
        Assert.True(BatchSchedule.Create(10, 3, 0, 5).IsFullBatch(10));
        Assert.All(BatchSchedule.Create(10, 3, 0, 5).EpochOrders(), o => Assert.Equal(Enumerable.Range(0, 10), o));
    }

    [Fact]
    public void Batch_schedules_made_epoch_by_epoch_are_the_ones_made_all_at_once_before()
    {
        // The eager construction results.json's data_order_hash was defined by: per epoch the identity order,
        // shuffled (for a positive batch size) by one generator drawn from epoch after epoch.
        static List<int[]> Eager(int rows, int epochs, int batchSize, int seed)
        {
            var random = SplitMix64.For(seed, "batches");
            return [.. Enumerable.Range(0, epochs).Select(_ =>
            {
                var order = Enumerable.Range(0, rows).ToArray();
                if (batchSize > 0) random.Shuffle(order);
                return order;
            })];
        }
        foreach (var (rows, epochs, batch, seed) in new[] { (10, 3, 4, 5), (7, 4, 7, 9), (10, 3, 0, 5), (1000, 20, 64, 1) })
            Assert.Equal(Eager(rows, epochs, batch, seed), BatchSchedule.Create(rows, epochs, batch, seed).EpochOrders().Select(o => o.ToArray()));

        // Hashes as the eager schedule gave them (pinned from the previous implementation).
        var split = new DataSplit([0, 1], [2], [3]);
        Assert.Equal("fad97b8a0b3bb5d2b4a407a50fd9eceaf3bab5f869ecc2d288d1e8eaf638ed82", BatchSchedule.Create(10, 3, 4, 5).Hash(split));
        Assert.Equal("c750d95e51400a9d6bbcc3d807e5af485c954bc22f6b48f6238074247f82cb4b", BatchSchedule.Create(10, 3, 0, 5).Hash(split));
        Assert.Equal("9138ab7430a3762b115da49423d8fa899f5bb5cc15cdb93ee544b0f4c1f13bcb", BatchSchedule.Create(7, 4, 7, 9).Hash(split));
        Assert.Equal([1, 8, 0, 2, 9, 4, 7, 3, 6, 5], BatchSchedule.Create(10, 3, 4, 5).EpochOrders().ElementAt(2));
    }
}
