using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using Xunit;

namespace LossLab.Evaluation.Tests;

/// <summary>Issue 18: the partition of an experiment's runs into shards.</summary>
public class ShardPlanTests
{
    private static readonly string[] Losses = ["bce", "weighted-bce", "focal-g2"];

    /// <summary>For 1 to 4 seeds of 3 losses (3 to 12 runs) and 1 to 3 shards more than there are runs.</summary>
    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        for (var seeds = 1; seeds <= 4; seeds++)
        for (var shards = 1; shards <= seeds * Losses.Length + 3; shards++)
            data.Add(seeds, shards);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_run_is_in_exactly_one_shard_and_shard_sizes_differ_by_at_most_one(int seedCount, int shards)
    {
        var seeds = Enumerable.Range(1, seedCount).ToList();
        var all = ShardPlan.Runs(seeds, Losses).ToList();
        var parts = Enumerable.Range(0, shards).Select(i => ShardPlan.RunsOf(new ShardInfo(i, shards), seeds, Losses)).ToList();

        // The shards, read in shard order, are the plan itself: each run once, nothing else, order kept.
        Assert.Equal(all, parts.SelectMany(p => p));
        var sizes = parts.Select(p => p.Count).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        for (var i = 0; i < shards; i++)
        {
            Assert.Equal(sizes[i], ShardPlan.SizeOf(new ShardInfo(i, shards), all.Count));
            // More shards than runs: the shards from the number of runs on are the empty ones.
            if (i >= all.Count) Assert.Empty(parts[i]);
            else Assert.NotEmpty(parts[i]);
        }
        Assert.Equal(all, ShardPlan.RunsOf(null, seeds, Losses));
    }

    [Fact]
    public void The_plan_is_seed_major_then_loss_order_and_a_shard_is_a_block_of_it()
    {
        int[] seeds = [7, 3];
        Assert.Equal([("bce", 7), ("weighted-bce", 7), ("focal-g2", 7), ("bce", 3), ("weighted-bce", 3), ("focal-g2", 3)], ShardPlan.Runs(seeds, Losses));
        // 6 runs in 4 shards: q = 1, r = 2, so sizes 2, 2, 1, 1.
        Assert.Equal([("bce", 7), ("weighted-bce", 7)], ShardPlan.RunsOf(new ShardInfo(0, 4), seeds, Losses));
        Assert.Equal([("focal-g2", 7), ("bce", 3)], ShardPlan.RunsOf(new ShardInfo(1, 4), seeds, Losses));
        Assert.Equal([("weighted-bce", 3)], ShardPlan.RunsOf(new ShardInfo(2, 4), seeds, Losses));
        Assert.Equal([("focal-g2", 3)], ShardPlan.RunsOf(new ShardInfo(3, 4), seeds, Losses));
        Assert.Equal(4, ShardPlan.FirstRun(new ShardInfo(2, 4), 6));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("11/12", 11, 12)]
    public void Parse_reads_i_of_n(string text, int index, int count) =>
        Assert.Equal(new ShardInfo(index, count), ShardPlan.Parse(text, out _));

    [Theory]
    [InlineData("3/3", "must be in 0..2")]
    [InlineData("0/0", "at least 1")]
    [InlineData("-1/3", "expected i/n")]
    [InlineData("1", "expected i/n")]
    [InlineData("a/b", "expected i/n")]
    [InlineData("1/2/3", "expected i/n")]
    public void Parse_refuses_what_is_not_a_shard_and_says_why(string text, string reason)
    {
        Assert.Null(ShardPlan.Parse(text, out var problem));
        Assert.Contains(reason, problem);
    }
}
