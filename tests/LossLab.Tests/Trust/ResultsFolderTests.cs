using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Trust;

/// <summary>Issue 17, part 3: results folders that cannot be mixed, and --resume's checks. Each refusal leaves the earlier results unchanged.</summary>
public sealed class ResultsFolderTests
{
    private static readonly string[] Quick = ["--no-report", "--set", "seeds=[1]", "--set", "training.epochs=3", "--set", "bootstrap.resamples=20", "--set", "losses=bce,focal"];

    /// <summary>An experiment in sub/ whose dataset path is relative to it, run from the temp folder into out/.</summary>
    private static TempFolder Finished(out LossLabProcess.Result run)
    {
        var temp = new TempFolder();
        temp.File("sub/user.csv", UserCsv.Text(1000));
        temp.File("sub/user.json", UserCsv.OnlyDataset);
        run = LossLabProcess.Run(temp.Path, ["run", "sub/user.json", "--out", "out", .. Quick]);
        return temp;
    }

    /// <summary>Makes out/ look interrupted after its first run: the second run dropped from results.json.</summary>
    private static void Interrupt(TempFolder temp)
    {
        var json = JsonNode.Parse(File.ReadAllText(temp.File("out/results.json")))!.AsObject();
        json["runs"]!.AsArray().RemoveAt(1);
        File.WriteAllText(temp.File("out/results.json"), json.ToJsonString());
    }

    private static Dictionary<string, byte[]> Snapshot(TempFolder temp) =>
        Directory.EnumerateFiles(temp.File("out"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    private static void AssertUnchanged(Dictionary<string, byte[]> before, TempFolder temp)
    {
        var after = Snapshot(temp);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    [Fact]
    public void Results_json_records_the_dataset_experiment_and_predictions_identities()
    {
        using var temp = Finished(out var run);
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        Assert.Equal(temp.File("sub/user.csv"), results.Dataset.Source);
        Assert.Matches("^[0-9a-f]{64}$", results.Dataset.Sha256);
        Assert.Equal(LossLab.Evaluation.Experiments.ExperimentHash.Of(results.Experiment), results.ExperimentSha256);
        Assert.Equal(temp.File("sub"), results.BaseDirectory);
        var rows = LossLab.Evaluation.PredictionsFile.Read(temp.File("out/predictions.csv"));
        foreach (var r in results.Runs)
        {
            var mine = rows.Where(p => p.Loss == r.Loss && p.Seed == r.Seed).ToList();
            Assert.Equal(results.Dataset.Splits["validation"].Rows + results.Dataset.Splits["test"].Rows, r.PredictionRows);
            Assert.Equal(mine.Count, r.PredictionRows);
            // Independent of PredictionDigest: the SHA-256 of the rows' lines as the file spells them, read back as text.
            var lines = File.ReadAllLines(temp.File("out/predictions.csv")).Skip(1).Where(l => l.Split(',')[2] == r.Loss && l.Split(',')[1] == "1");
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));
            Assert.Equal(sha, r.PredictionsSha256);
        }
    }

    [Fact]
    public void Resume_refuses_set_with_exit_2()
    {
        using var temp = Finished(out _);
        Interrupt(temp);
        var before = Snapshot(temp);
        var resume = LossLabProcess.Run(temp.Path, "run", "--resume", "out", "--set", "training.epochs=2");
        Assert.True(resume.ExitCode == 2, resume.ToString());
        Assert.Contains("--set training.epochs=2", resume.Error);
        AssertUnchanged(before, temp);
    }

    [Fact]
    public void Resume_resolves_the_dataset_from_the_experiments_folder_from_anywhere_and_refuses_other_data()
    {
        using var temp = Finished(out _);
        Interrupt(temp);
        // From another working folder: the relative path must resolve from sub/, where the experiment was.
        var elsewhere = temp.Sub("elsewhere");
        var resumed = LossLabProcess.Run(elsewhere, "run", "--resume", temp.File("out"), "--no-report");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(2, ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json"))).Runs.Count(r => r.Status == RunStatus.Completed));

        Interrupt(temp);
        var lines = File.ReadAllLines(temp.File("sub/user.csv"));
        lines[1] = "9" + lines[1][1..];
        File.WriteAllLines(temp.File("sub/user.csv"), lines);
        var before = Snapshot(temp);
        var other = LossLabProcess.Run(temp.Path, "run", "--resume", "out", "--no-report");
        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("is not the data the earlier runs trained on", other.Error);
        Assert.Contains("nothing was trained", other.Error);
        AssertUnchanged(before, temp);
    }

    [Fact]
    public void Resume_refuses_a_plugin_whose_dll_changed()
    {
        using var temp = Finished(out _);
        Interrupt(temp);
        var json = JsonNode.Parse(File.ReadAllText(temp.File("out/results.json")))!.AsObject();
        json["plugins"]![0]!["sha256"] = new string('0', 64);
        File.WriteAllText(temp.File("out/results.json"), json.ToJsonString());
        var before = Snapshot(temp);
        var resume = LossLabProcess.Run(temp.Path, "run", "--resume", "out", "--no-report");
        Assert.True(resume.ExitCode == 2, resume.ToString());
        Assert.Contains("plugins changed", resume.Error);
        AssertUnchanged(before, temp);
    }

    [Fact]
    public void Resume_rebuilds_runs_whose_predictions_are_missing()
    {
        using var temp = Finished(out _);
        Interrupt(temp);
        File.Delete(temp.File("out/predictions.csv"));
        var resume = LossLabProcess.Run(temp.Path, "run", "--resume", "out", "--no-report");
        Assert.True(resume.ExitCode == 0, resume.ToString());
        var report = LossLabProcess.Run(temp.Path, "report", "out");
        Assert.True(report.ExitCode == 0, report.ToString());
    }

    [Fact]
    public void Report_refuses_a_truncated_predictions_csv()
    {
        using var temp = Finished(out _);
        var lines = File.ReadAllLines(temp.File("out/predictions.csv"));
        File.WriteAllLines(temp.File("out/predictions.csv"), lines[..^10]);
        var before = Snapshot(temp);
        var report = LossLabProcess.Run(temp.Path, "report", "out");
        Assert.True(report.ExitCode == 2, report.ToString());
        Assert.Contains("results.json records", report.Error);
        AssertUnchanged(before, temp);
    }

    [Fact]
    public void Out_onto_an_earlier_results_folder_exits_2_and_force_clears_losslabs_own_files()
    {
        using var temp = Finished(out _);
        temp.File("out/models/old_seed9.dat", "stale");
        temp.File("out/report.pdf", "old report");
        temp.File("out/notes.txt", "mine");
        var before = Snapshot(temp);
        var again = LossLabProcess.Run(temp.Path, ["run", "sub/user.json", "--out", "out", .. Quick]);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("--force", again.Error);
        AssertUnchanged(before, temp);

        var forced = LossLabProcess.Run(temp.Path, ["run", "sub/user.json", "--out", "out", "--force", .. Quick]);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.False(File.Exists(temp.File("out/models/old_seed9.dat")));
        Assert.False(File.Exists(temp.File("out/report.pdf")));
        Assert.Equal("mine", File.ReadAllText(temp.File("out/notes.txt")));
    }

    [Fact]
    public void Report_out_elsewhere_does_not_overwrite_another_experiments_summary_and_says_where_it_wrote()
    {
        using var temp = Finished(out _);
        temp.File("elsewhere/summary.md", "another experiment's summary");
        temp.File("elsewhere/metrics.csv", "another experiment's metrics");
        var report = LossLabProcess.Run(temp.Path, "report", "out", "--out", "elsewhere/x.pdf");
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Equal("another experiment's summary", File.ReadAllText(temp.File("elsewhere/summary.md")));
        Assert.Equal("another experiment's metrics", File.ReadAllText(temp.File("elsewhere/metrics.csv")));
        Assert.True(File.Exists(temp.File("elsewhere/x.pdf")));
        Assert.Contains(temp.File("out"), report.Error + report.Out);

        var fresh = LossLabProcess.Run(temp.Path, "report", "out", "--out", "fresh/x.pdf");
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.True(File.Exists(temp.File("fresh/summary.md")));
    }

    [Fact]
    public void Orphan_temporary_files_are_removed_on_the_next_start()
    {
        using var temp = Finished(out _);
        Interrupt(temp);
        temp.File("out/.results.json.0123abcd.tmp", "half");
        temp.File("out/models/.bce_seed1.dat.0123abcd.tmp", "half");
        var resume = LossLabProcess.Run(temp.Path, "run", "--resume", "out", "--no-report");
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Empty(Directory.EnumerateFiles(temp.File("out"), "*.tmp", SearchOption.AllDirectories));
    }
}
