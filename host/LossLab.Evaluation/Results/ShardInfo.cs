namespace LossLab.Evaluation.Results;

/// <summary>
/// Marks a results folder as shard <see cref="Index"/> of <see cref="Count"/> (<c>losslab run --shard i/n</c>): it holds
/// only that shard's runs (<see cref="ShardPlan"/>) and no cross-run analysis; <c>losslab merge</c> joins the shards.
/// </summary>
public sealed record ShardInfo(int Index, int Count)
{
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>One folder <c>losslab merge</c> joined: where it was, which shard it was (null for a folder that was not
/// a shard), when and how it was run, and how many runs it brought.</summary>
public sealed record MergedPart
{
    public required string Folder { get; init; }
    public ShardInfo? Shard { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public string CommandLine { get; init; } = "";
    public int Runs { get; init; }
}
