using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LossLab.Evaluation;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// The embedded default experiment run once whole and once as three shards (<c>run --shard auto</c> under a Slurm
/// array's variables, as a job array runs it) merged by <c>losslab merge</c>: made once for the tests of
/// <see cref="ShardMergeTests"/>, by the CLI as a user runs it.
/// </summary>
public sealed class ShardedDefaultRun : IDisposable
{
    private readonly TempFolder _temp = new();
    public string Root => _temp.Path;
    public string Whole => Path.Combine(Root, "whole");
    public string Shard(int index) => Path.Combine(Root, $"shard-{index}");
    public string Merged => Path.Combine(Root, "merged");
    public LossLabProcess.Result MergeResult { get; }

    public ShardedDefaultRun()
    {
        var whole = LossLabProcess.Run(Root, "run", "--out", "whole", "--parallel", "1");
        Assert.True(whole.ExitCode == 0, whole.ToString());
        for (var i = 0; i < 3; i++)
        {
            var shard = LossLabProcess.Run(Root, new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = $"{i}", ["SLURM_ARRAY_TASK_COUNT"] = "3" },
                "run", "--shard", "auto", "--out", $"shard-{i}", "--no-report", "--parallel", "1");
            Assert.True(shard.ExitCode == 0, shard.ToString());
            Assert.Contains($"Shard {i}/3", shard.Error);
            Assert.Contains("no report", shard.Error);
        }
        MergeResult = LossLabProcess.Run(Root, "merge", "shard-0", "shard-1", "shard-2", "--out", "merged");
    }

    public JsonNode Results(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultsFolder.ResultsFile)))!;

    /// <summary>A copy of a folder (with its models) at <paramref name="name"/> under the root.</summary>
    public string Copy(string folder, string name)
    {
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>Issue 18: shards, <c>losslab merge</c> and its refusals, and <c>run --resume</c> of shard and merged folders.</summary>
public sealed class ShardMergeTests(ShardedDefaultRun run) : IClassFixture<ShardedDefaultRun>
{
    [Fact]
    public void Shards_merged_equal_a_single_process_run_in_every_number_and_hash()
    {
        Assert.True(run.MergeResult.ExitCode == 0, run.MergeResult.ToString());
        var all = 0;
        for (var i = 0; i < 3; i++)
        {
            var shard = run.Results(run.Shard(i));
            Assert.Equal((i, 3), ((int)shard["shard"]!["index"]!, (int)shard["shard"]!["count"]!));
            Assert.Equal(3, shard["runs"]!.AsArray().Count); // 9 runs in 3 shards
            all += shard["runs"]!.AsArray().Count;
            // Per-run work only: the cross-run analysis and the report wait for the merge.
            Assert.Empty(shard["aggregates"]!.AsArray());
            Assert.Null(shard["bootstrap"]);
            foreach (var file in new[] { "report.pdf", "summary.md", "metrics.csv" }) Assert.False(File.Exists(Path.Combine(run.Shard(i), file)), file);
        }
        Assert.Equal(9, all);
        var report = LossLabProcess.Run(run.Root, "report", "shard-0", "--out", "shard-report/report.pdf");
        Assert.True(report.ExitCode == 2, report.ToString());
        Assert.Contains("losslab merge", report.Error);
        var merged = run.Results(run.Merged);
        Assert.Null(merged["shard"]);
        Assert.Equal(3, merged["merged_from"]!.AsArray().Count);
        Assert.NotNull(merged["bootstrap"]);
        RunFolderEquality.AssertSameAsSingleProcess(run.Whole, run.Merged);
    }

    [Fact]
    public void A_shard_s_and_the_merged_results_json_are_valid_against_the_published_schema_which_describes_every_key()
    {
        foreach (var folder in new[] { run.Shard(0), run.Merged })
        {
            var json = run.Results(folder);
            Assert.Empty(Schemas.Problems(Schemas.Strict(Schemas.ResultsNode()), json));
        }
    }

    /// <summary>stdout of a shard lists its runs' test numbers; stdout of merge is the results table of a whole run.</summary>
    [Fact]
    public void A_shard_prints_its_runs_and_merge_prints_the_results_table_on_stdout()
    {
        var shard = LossLabProcess.Run(run.Root, "run", "--shard", "2/3", "--out", "shard-2-stdout", "--no-report", "--parallel", "1");
        Assert.True(shard.ExitCode == 0, shard.ToString());
        foreach (var r in run.Results(run.Shard(2))["runs"]!.AsArray())
            Assert.Contains($"{(string)r!["loss"]!} seed {(int)r["seed"]!}: ROC-AUC {((double)r["test"]!["roc_auc"]!).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}", shard.Out);
        Assert.Contains("Results in", shard.Out);
        Assert.Contains("| loss", run.MergeResult.Out);
        Assert.Contains("Results in", run.MergeResult.Out);
        Assert.DoesNotContain("Results in", run.MergeResult.Error);
    }

    [Fact]
    public void A_shard_beyond_the_number_of_runs_is_a_valid_empty_shard_that_merges()
    {
        var empty = LossLabProcess.Run(run.Root, "run", "--shard", "11/12", "--out", "empty", "--parallel", "1");
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Contains("an empty shard", empty.Error);
        var json = run.Results(Path.Combine(run.Root, "empty"));
        Assert.Equal((11, 12), ((int)json["shard"]!["index"]!, (int)json["shard"]!["count"]!));
        Assert.Empty(json["runs"]!.AsArray());

        var merge = LossLabProcess.Run(run.Root, "merge", "shard-0", "shard-1", "shard-2", "empty", "--out", "with-empty");
        Assert.True(merge.ExitCode == 0, merge.ToString());
        RunFolderEquality.AssertSameAsSingleProcess(run.Whole, Path.Combine(run.Root, "with-empty"));
    }

    [Fact]
    public void Missing_runs_are_listed_and_run_resume_on_the_merged_folder_trains_only_them()
    {
        var missing = run.Results(run.Shard(1))["runs"]!.AsArray().Select(r => $"{(string)r!["loss"]!} seed {(int)r["seed"]!}").ToList();
        var merge = LossLabProcess.Run(run.Root, "merge", "shard-0", "shard-2", "--out", "partial");
        Assert.True(merge.ExitCode == 1, merge.ToString());
        Assert.Contains("3 run(s) missing", merge.Error);
        foreach (var name in missing) Assert.Contains(name, merge.Error);
        var partial = run.Results(Path.Combine(run.Root, "partial"));
        Assert.Equal(6, partial["runs"]!.AsArray().Count);
        Assert.Equal(missing, partial["warnings"]!.AsArray().Where(w => (string)w!["code"]! == "missing_run")
            .Select(w => $"{(string)w!["loss"]!} seed {(int)w["seed"]!}"));

        var resume = LossLabProcess.Run(run.Root, "run", "--resume", "partial", "--parallel", "1");
        Assert.True(resume.ExitCode == 0, resume.ToString());
        var trained = Regex.Matches(resume.Error, @"run \d+/(\d+): (\S+) seed (\d+)").Select(m => $"{m.Groups[2].Value} seed {m.Groups[3].Value}").ToList();
        Assert.Equal(missing, trained);
        Assert.DoesNotContain("missing_run", File.ReadAllText(Path.Combine(run.Root, "partial", ResultsFolder.ResultsFile)));
        RunFolderEquality.AssertSameAsSingleProcess(run.Whole, Path.Combine(run.Root, "partial"));
    }

    [Fact]
    public void Resume_of_an_interrupted_shard_completes_that_shards_runs_only()
    {
        var cut = run.Copy(run.Shard(1), "shard-1-cut");
        var json = run.Results(cut).AsObject();
        var runs = json["runs"]!.AsArray();
        var last = runs[^1]!;
        var dropped = $"{(string)last["loss"]!} seed {(int)last["seed"]!}";
        runs.RemoveAt(runs.Count - 1); // as if the shard's process died during its last run
        File.WriteAllText(Path.Combine(cut, ResultsFolder.ResultsFile), json.ToJsonString());

        var wrong = LossLabProcess.Run(run.Root, "run", "--resume", "shard-1-cut", "--shard", "0/3");
        Assert.True(wrong.ExitCode == 2, wrong.ToString());
        Assert.Contains("holds shard 1/3", wrong.Error);

        var resume = LossLabProcess.Run(run.Root, "run", "--resume", "shard-1-cut", "--parallel", "1");
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal([dropped], Regex.Matches(resume.Error, @"run \d+/\d+: (\S+ seed \d+)").Select(m => m.Groups[1].Value));
        Assert.False(File.Exists(Path.Combine(cut, "report.pdf")));
        var resumed = run.Results(cut).AsObject();
        Assert.Equal(1, (int)resumed["shard"]!["index"]!);
        var original = run.Results(run.Shard(1));
        var differences = JsonDifferences.Of(original["runs"], resumed["runs"], path => Regex.IsMatch(path, @"^\[\d+\]/duration_s$"));
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        // A finished shard is not run again into its own folder, nor another shard into it.
        foreach (var shard in new[] { "1/3", "0/3" })
        {
            var again = LossLabProcess.Run(run.Root, "run", "--shard", shard, "--out", "shard-1", "--parallel", "1");
            Assert.True(again.ExitCode == 2, again.ToString());
            Assert.Contains(shard == "1/3" ? "a finished run of this experiment" : "shard 1/3 of this experiment, not shard 0/3", again.Error);
        }
    }

    /// <summary>Edits one field of a copy of shard 1's results.json and merges it with shard 0: refused, naming the field, both values and both folders.</summary>
    [Theory]
    [InlineData("environment.loss_lab", "LossLab version")]
    [InlineData("dataset.sha256", "dataset SHA-256")]
    [InlineData("plugins.1.sha256", "plugin SHA-256s (plugins): model plugin 'mlp'")]
    [InlineData("experiment_sha256", "experiment (experiment_sha256")]
    [InlineData("environment.device", "device (environment.device)")]
    [InlineData("environment.lib_torch", "libtorch (environment.lib_torch)")]
    public void Merge_refuses_parts_that_differ_naming_the_field_both_values_and_both_folders(string field, string named)
    {
        var name = $"edited-{field.Replace('.', '-')}";
        var edited = run.Copy(run.Shard(1), name);
        var json = run.Results(edited);
        JsonNode node = json;
        var path = field.Split('.');
        foreach (var step in path[..^1]) node = int.TryParse(step, out var k) ? node[k]! : node[step]!;
        var original = (string)node[path[^1]]!;
        var changed = original.Length > 5 ? "0ther" + original[5..] : "0ther-" + original;
        node[path[^1]] = changed;
        File.WriteAllText(Path.Combine(edited, ResultsFolder.ResultsFile), json.ToJsonString());

        var merge = LossLabProcess.Run(run.Root, "merge", "shard-0", name, "--out", $"out-{name}");
        Assert.True(merge.ExitCode == 2, merge.ToString());
        Assert.Contains($"differ in the {named}", merge.Error);
        Assert.Contains(changed, merge.Error);
        Assert.Contains("shard-0", merge.Error);
        Assert.Contains(name, merge.Error);
        Assert.False(Directory.Exists(Path.Combine(run.Root, $"out-{name}")), "nothing is written for a refused merge");
    }

    [Fact]
    public void Merge_refuses_another_experiments_shard_a_run_held_twice_and_an_occupied_out()
    {
        var other = LossLabProcess.Run(run.Root, "run", "--set", "training.epochs=2", "--shard", "1/3", "--out", "other", "--no-report", "--parallel", "1");
        Assert.True(other.ExitCode == 0, other.ToString());
        var experiment = LossLabProcess.Run(run.Root, "merge", "shard-0", "other", "--out", "out-other");
        Assert.True(experiment.ExitCode == 2, experiment.ToString());
        Assert.Contains("differ in the experiment (experiment_sha256", experiment.Error);
        Assert.Contains((string)run.Results(Path.Combine(run.Root, "other"))["experiment_sha256"]!, experiment.Error);

        run.Copy(run.Shard(1), "shard-1-again");
        var duplicate = LossLabProcess.Run(run.Root, "merge", "shard-0", "shard-1", "shard-1-again", "--out", "out-duplicate");
        Assert.True(duplicate.ExitCode == 2, duplicate.ToString());
        var first = run.Results(run.Shard(1))["runs"]![0]!;
        Assert.Contains($"{(string)first["loss"]!} seed {(int)first["seed"]!} is in both shard-1 and shard-1-again", duplicate.Error);
        Assert.False(Directory.Exists(Path.Combine(run.Root, "out-duplicate")));

        var twice = LossLabProcess.Run(run.Root, "merge", "shard-0", "shard-0", "--out", "out-twice");
        Assert.True(twice.ExitCode == 2, twice.ToString());
        Assert.Contains("given twice", twice.Error);

        var occupied = LossLabProcess.Run(run.Root, "merge", "shard-0", "shard-1", "shard-2", "--out", "whole");
        Assert.True(occupied.ExitCode == 2, occupied.ToString());
        Assert.Contains("--out whole: the folder is not empty", occupied.Error);
    }
}
