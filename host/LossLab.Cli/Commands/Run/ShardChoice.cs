using System.Globalization;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// Which shard <c>run --shard</c> trains: "i/n" as given, or "auto" from the batch scheduler's variables: a Slurm job
/// array's <c>SLURM_ARRAY_TASK_ID</c> and <c>SLURM_ARRAY_TASK_COUNT</c> (an array <c>--array=0-(n-1)</c>; other
/// ranges and steps are mapped through <c>SLURM_ARRAY_TASK_MIN</c> and <c>SLURM_ARRAY_TASK_STEP</c>), or a Kubernetes
/// Indexed Job's <c>JOB_COMPLETION_INDEX</c> with <c>--shards n</c> (the Job's completions).
/// </summary>
public static class ShardChoice
{
    public const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";
    public const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";
    public const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";
    public const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <param name="spec">--shard: "i/n", "auto", or null for every run.</param>
    /// <param name="shards">--shards: the number of shards, for --shard auto under Kubernetes.</param>
    /// <param name="variable">Reads an environment variable (null when unset).</param>
    /// <exception cref="UsageException">A bad --shard or --shards, or for auto a missing or invalid variable (named).</exception>
    public static ShardInfo? Resolve(string? spec, int? shards, Func<string, string?> variable)
    {
        if (spec is null)
        {
            if (shards is not null) throw new UsageException($"--shards {shards}: goes with --shard auto (a Kubernetes Indexed Job's completions)");
            return null;
        }
        if (spec != "auto")
        {
            var shard = ShardPlan.Parse(spec, out var problem) ?? throw new UsageException($"--shard {spec}: {problem}");
            if (shards is { } n && n != shard.Count) throw new UsageException($"--shard {spec} --shards {n}: the two numbers of shards differ");
            return shard;
        }
        if (!string.IsNullOrEmpty(variable(SlurmTaskId))) return Slurm(shards, variable);
        if (!string.IsNullOrEmpty(variable(KubernetesIndex))) return Kubernetes(shards, variable);
        throw new UsageException($"--shard auto: neither {SlurmTaskId} (a Slurm job array) nor {KubernetesIndex} (a Kubernetes Indexed Job) is set; give --shard i/n outside a job array");
    }

    private static ShardInfo Slurm(int? shards, Func<string, string?> variable)
    {
        var id = Number(SlurmTaskId, variable, required: true)!.Value;
        var count = Number(SlurmTaskCount, variable, required: true)!.Value;
        var min = Number(SlurmTaskMin, variable, required: false) ?? 0;
        var step = Number(SlurmTaskStep, variable, required: false) ?? 1;
        if (count < 1) throw new UsageException($"--shard auto: {SlurmTaskCount}={count} must be at least 1");
        var offset = id - min;
        if (step < 1 || offset < 0 || offset % step != 0 || offset / step >= count)
            throw new UsageException($"--shard auto: {SlurmTaskId}={id} is not one of {count} evenly spaced tasks from {SlurmTaskMin}={min} by {SlurmTaskStep}={step}; submit the array as --array=0-{count - 1}");
        if (shards is { } n && n != count) throw new UsageException($"--shard auto --shards {n}: the Slurm array has {SlurmTaskCount}={count} tasks");
        return new ShardInfo(offset / step, count);
    }

    private static ShardInfo Kubernetes(int? shards, Func<string, string?> variable)
    {
        var index = Number(KubernetesIndex, variable, required: true)!.Value;
        if (shards is not { } n) throw new UsageException($"--shard auto with {KubernetesIndex}={index} needs --shards N, the Indexed Job's completions");
        if (ShardPlan.Problem(index, n) is { } problem) throw new UsageException($"--shard auto: {KubernetesIndex}={index} with --shards {n}: {problem}");
        return new ShardInfo(index, n);
    }

    private static int? Number(string name, Func<string, string?> variable, bool required)
    {
        var text = variable(name);
        if (string.IsNullOrEmpty(text))
            return required ? throw new UsageException($"--shard auto: {name} is not set") : null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : throw new UsageException($"--shard auto: {name}={text} is not a whole number");
    }

    /// <summary>
    /// The shard --resume continues: the one its folder was written as. A --shard given with it must name that same
    /// shard (a folder holding every run, or another shard's, cannot become this shard).
    /// </summary>
    public static ShardInfo? ForResume(ShardInfo? asked, ShardInfo? saved, string folder)
    {
        if (asked is not null && asked != saved)
            throw new UsageException(saved is null
                ? $"--resume {folder} --shard {asked}: that folder is not a shard (it holds every run); resume it without --shard"
                : $"--resume {folder} --shard {asked}: that folder holds shard {saved}; resume it without --shard, or with --shard {saved}");
        return saved;
    }
}
