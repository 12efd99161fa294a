using System.Globalization;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// Which runs of an experiment a shard trains. The N runs are numbered in plan order, seed-major then loss order (the
/// order <c>losslab run</c> trains and writes them), k = 0 … N−1, and shard i of n takes a contiguous block of them:
/// with q = ⌊N/n⌋ and r = N mod n, shard i holds q + 1 runs if i &lt; r, else q, starting at k = i·q + min(i, r).
/// That is balanced: any two shards differ by at most one run (shards i ≥ N hold none). A block of consecutive runs
/// is the losses of one seed after another, so every shard trains each loss about equally often (a slow loss is not
/// all in one shard, as it would be with k mod n when n divides the number of losses), and a shard builds the split
/// and initial weights of only about N/(n·losses) + 1 seeds. The partition depends on N and n alone, never on the
/// machine or the order the shards start in.
/// </summary>
public static class ShardPlan
{
    /// <summary>Whether run <paramref name="runIndex"/> (plan order, of <paramref name="total"/> runs) belongs to
    /// <paramref name="shard"/>; every run belongs to no shard at all (null).</summary>
    public static bool Includes(ShardInfo? shard, int runIndex, int total) =>
        shard is null || (runIndex >= Start(shard.Index, shard.Count, total) && runIndex < Start(shard.Index + 1, shard.Count, total));

    /// <summary>The first run index of shard <paramref name="index"/> of <paramref name="count"/> (for index = count: the total).</summary>
    private static int Start(int index, int count, int total)
    {
        int q = total / count, r = total % count;
        return index * q + Math.Min(index, r);
    }

    /// <summary>The (loss, seed) of every run in plan order: seed-major, then loss order.</summary>
    public static IEnumerable<(string Loss, int Seed)> Runs(IEnumerable<int> seeds, IReadOnlyList<string> losses) =>
        seeds.SelectMany(seed => losses.Select(loss => (loss, seed)));

    /// <summary>The runs of <paramref name="shard"/> (all of them for null), in plan order.</summary>
    public static List<(string Loss, int Seed)> RunsOf(ShardInfo? shard, IEnumerable<int> seeds, IReadOnlyList<string> losses)
    {
        var all = Runs(seeds, losses).ToList();
        return [.. all.Where((_, k) => Includes(shard, k, all.Count))];
    }

    /// <summary>The runs <paramref name="results"/> was planned to hold: its shard's, or every run of the experiment.</summary>
    public static List<(string Loss, int Seed)> Planned(ExperimentResults results) =>
        RunsOf(results.Shard, results.Seeds, [.. results.Losses.Select(l => l.Name)]);

    /// <summary>The index (plan order) of the first run of <paramref name="shard"/>; its runs are the next <see cref="SizeOf"/>.</summary>
    public static int FirstRun(ShardInfo shard, int total) => Start(shard.Index, shard.Count, total);

    /// <summary>How many of <paramref name="total"/> runs shard <paramref name="shard"/> holds: ⌊N/n⌋, plus one for the first N mod n shards.</summary>
    public static int SizeOf(ShardInfo shard, int total) => Start(shard.Index + 1, shard.Count, total) - Start(shard.Index, shard.Count, total);

    /// <summary>Reads "i/n" with 0 ≤ i &lt; n; null with the reason otherwise.</summary>
    public static ShardInfo? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = "expected i/n, e.g. 0/3 (shard i of n, 0 ≤ i < n), or auto";
            return null;
        }
        problem = Problem(index, count);
        return problem is null ? new ShardInfo(index, count) : null;
    }

    /// <summary>Why shard <paramref name="index"/> of <paramref name="count"/> cannot be, or null.</summary>
    public static string? Problem(int index, int count) =>
        count < 1 ? $"the number of shards must be at least 1 (got {count})"
        : index < 0 || index >= count ? $"the shard index must be in 0..{count - 1} for {count} shard(s) (got {index})"
        : null;
}
