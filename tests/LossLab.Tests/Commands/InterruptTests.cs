using System.Diagnostics;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// Issue 19, Ctrl+C: SIGINT to a running <c>losslab run</c> ends it with one line counting the runs and naming the
/// command that continues them, not a line per pending run; that command, run as printed, finishes the experiment.
/// </summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Sigint_prints_one_line_with_the_counts_and_the_resume_command_that_finishes_the_run()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is sent with kill(1)
        using var temp = new TempFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "losslab.dll"));
        foreach (var a in (string[])["run", "--out", "out", "--no-report", "--set", "seeds=[1,2,3,4,5]", "--set", "training.epochs=300", "--set", "bootstrap.resamples=20"])
            start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && Recorded(temp.File("out/results.json")) < 1 && watch.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
        Assert.False(process.HasExited, "the run finished before it could be interrupted: " + (process.HasExited ? await stderr : ""));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "losslab did not stop within a minute of SIGINT");
        var error = await stderr;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{error}");

        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        var lines = error.Split('\n').Where(l => l.StartsWith("interrupted:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.DoesNotContain("cancelled before it started", error);
        var completed = results.Runs.Count(r => r.Status == RunStatus.Completed);
        var notStarted = results.Runs.Count(r => r.Error == "cancelled before it started");
        var cancelled = results.Runs.Count(r => r.Status == RunStatus.Cancelled) - notStarted;
        Assert.True(notStarted > 0, error);
        Assert.Equal($"interrupted: {completed} completed, {cancelled} cancelled while training, {notStarted} not started (of {results.Runs.Count}); " +
            $"continue with: losslab run --resume {temp.File("out")} --no-report", line.TrimEnd());
        Assert.Contains("| bce ", await stdout); // the table of what completed

        // The printed command, as a user would paste it, completes the experiment.
        var command = line[(line.IndexOf("continue with: losslab ", StringComparison.Ordinal) + "continue with: losslab ".Length)..].TrimEnd();
        var resumed = LossLabProcess.Run(temp.Path, command.Split(' '));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var finished = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        Assert.Equal(results.Runs.Count, finished.Runs.Count(r => r.Status == RunStatus.Completed));
    }

    private static int Recorded(string results)
    {
        try
        {
            return File.Exists(results) ? ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(results)).Runs.Count(r => r.Status == RunStatus.Completed) : 0;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return 0;
        }
    }
}
