using System.Diagnostics;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Trust;

/// <summary>
/// Issue 17, fault injection: a run killed with SIGKILL (no chance to clean up) at several points, then resumed,
/// ends with exactly the results of a run never interrupted, and no temporary file left behind.
/// </summary>
public sealed class KillAndResumeTests
{
    private static readonly string[] Settings = ["--no-report", "--set", "seeds=[1,2]", "--set", "losses=bce,focal", "--set", "bootstrap.resamples=50"];

    [Theory]
    [InlineData(0)] // as soon as results.json exists: no run finished
    [InlineData(1)] // after the first run was recorded
    [InlineData(3)] // with one run left
    public void A_run_killed_after_N_runs_and_resumed_equals_an_uninterrupted_run(int recordedRuns)
    {
        using var temp = new TempFolder();
        temp.File("user.csv", UserCsv.Text(3000));
        temp.File("user.json", UserCsv.OnlyDataset);
        var reference = LossLabProcess.Run(temp.Path, ["run", "user.json", "--out", "reference", .. Settings]);
        Assert.True(reference.ExitCode == 0, reference.ToString());

        var killedAt = KillWhen(temp.Path, ["run", "user.json", "--out", "killed", .. Settings], temp.File("killed/results.json"), recordedRuns);
        Assert.True(killedAt >= recordedRuns, $"killed after {killedAt} runs");
        if (killedAt < 4)
        {
            var resumed = LossLabProcess.Run(temp.Path, "run", "--resume", "killed", "--no-report");
            Assert.True(resumed.ExitCode == 0, resumed.ToString());
        }

        var expected = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("reference/results.json")));
        var actual = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("killed/results.json")));
        Assert.Equal(expected.ExperimentSha256, actual.ExperimentSha256);
        Assert.Equal(Identity(expected), Identity(actual));
        Assert.Equal(ResultsJson.Serialize(expected.Aggregates), ResultsJson.Serialize(actual.Aggregates));
        Assert.Equal(ResultsJson.Serialize(expected.Bootstrap), ResultsJson.Serialize(actual.Bootstrap));
        Assert.Equal(File.ReadAllText(temp.File("reference/predictions.csv")), File.ReadAllText(temp.File("killed/predictions.csv")));
        Assert.Empty(Directory.EnumerateFiles(temp.File("killed"), "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>What must not depend on the interruption: per run, its numbers and the hashes of its weights, data order and rows.</summary>
    private static List<string> Identity(ExperimentResults r) =>
        [.. r.Runs.Select(x => $"{x.Loss}/{x.Seed} {x.Status} epochs={x.Epochs.Count} selected={x.SelectedEpoch} init={x.InitHash} order={x.DataOrderHash} " +
            $"rows={x.PredictionRows} sha={x.PredictionsSha256} model={x.ModelSha256} test={ResultsJson.Serialize(x.Test)} thresholds={ResultsJson.Serialize(x.Thresholds)}")];

    /// <summary>Starts losslab and kills it (SIGKILL) once <paramref name="results"/> records at least <paramref name="runs"/> runs; returns how many it recorded.</summary>
    private static int KillWhen(string folder, string[] args, string results, int runs)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "losslab.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Recorded(results) >= runs)
            {
                process.Kill(); // SIGKILL on Linux: no finally blocks, no cleanup
                break;
            }
            Thread.Sleep(5);
        }
        process.WaitForExit();
        return Recorded(results);
    }

    private static int Recorded(string results)
    {
        try
        {
            return File.Exists(results) ? ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(results)).Runs.Count : -1;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return -1;
        }
    }
}
