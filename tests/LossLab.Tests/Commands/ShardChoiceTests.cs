using LossLab.Cli;
using LossLab.Cli.Commands.Run;
using LossLab.Evaluation.Results;

namespace LossLab.Tests.Commands;

/// <summary>Issue 18: which shard <c>--shard</c> names, from the option or from a job array's environment.</summary>
public sealed class ShardChoiceTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Auto_reads_a_slurm_array_task_and_a_kubernetes_completion_index()
    {
        Assert.Equal(new ShardInfo(2, 3), ShardChoice.Resolve("auto", null, Environment(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "3"))));
        // --array=1-3 (min 1) and --array=0-8:4 (step 4) map to 0..count-1.
        Assert.Equal(new ShardInfo(0, 3), ShardChoice.Resolve("auto", null,
            Environment(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_MIN", "1"))));
        Assert.Equal(new ShardInfo(2, 3), ShardChoice.Resolve("auto", 3,
            Environment(("SLURM_ARRAY_TASK_ID", "8"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_STEP", "4"))));
        Assert.Equal(new ShardInfo(4, 5), ShardChoice.Resolve("auto", 5, Environment(("JOB_COMPLETION_INDEX", "4"))));
        Assert.Equal(new ShardInfo(1, 4), ShardChoice.Resolve("1/4", null, Environment()));
        Assert.Null(ShardChoice.Resolve(null, null, Environment(("SLURM_ARRAY_TASK_ID", "1"))));
    }

    [Theory]
    [InlineData("auto", null, "", "neither SLURM_ARRAY_TASK_ID")]
    [InlineData("auto", null, "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT is not set")]
    [InlineData("auto", null, "SLURM_ARRAY_TASK_ID=x;SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_ID=x is not a whole number")]
    [InlineData("auto", null, "SLURM_ARRAY_TASK_ID=3;SLURM_ARRAY_TASK_COUNT=3", "--array=0-2")]
    [InlineData("auto", 4, "SLURM_ARRAY_TASK_ID=0;SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_COUNT=3")]
    [InlineData("auto", null, "JOB_COMPLETION_INDEX=1", "needs --shards N")]
    [InlineData("auto", 2, "JOB_COMPLETION_INDEX=2", "JOB_COMPLETION_INDEX=2")]
    [InlineData("auto", 2, "JOB_COMPLETION_INDEX=one", "JOB_COMPLETION_INDEX=one is not a whole number")]
    [InlineData("3/3", null, "", "--shard 3/3")]
    [InlineData("1/3", 4, "", "--shards 4")]
    [InlineData(null, 3, "", "--shards 3")]
    public void A_missing_or_invalid_choice_is_a_usage_error_naming_the_option_or_variable(string? spec, int? shards, string variables, string named)
    {
        var pairs = variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => (v.Split('=')[0], v.Split('=')[1])).ToArray();
        var error = Assert.Throws<UsageException>(() => ShardChoice.Resolve(spec, shards, Environment(pairs)));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Resume_keeps_the_folders_shard_and_refuses_another()
    {
        Assert.Equal(new ShardInfo(1, 3), ShardChoice.ForResume(null, new ShardInfo(1, 3), "f"));
        Assert.Equal(new ShardInfo(1, 3), ShardChoice.ForResume(new ShardInfo(1, 3), new ShardInfo(1, 3), "f"));
        Assert.Null(ShardChoice.ForResume(null, null, "f"));
        Assert.Contains("holds shard 1/3", Assert.Throws<UsageException>(() => ShardChoice.ForResume(new ShardInfo(0, 3), new ShardInfo(1, 3), "f")).Message);
        Assert.Contains("not a shard", Assert.Throws<UsageException>(() => ShardChoice.ForResume(new ShardInfo(0, 3), null, "f")).Message);
    }
}
