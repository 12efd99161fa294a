using LossLab.Engine.Running;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// After Ctrl+C: one line with what happened to the runs and the command that continues them, instead of one
/// "cancelled" line per run. Written whatever the log level (--quiet too): it is what to do next.
/// </summary>
public static class Interruption
{
    /// <returns>Null when no run was cancelled.</returns>
    public static string? Line(ExperimentResults results, string output, RunSettings settings)
    {
        var cancelled = results.Runs.Where(r => r.Status == RunStatus.Cancelled).ToList();
        if (cancelled.Count == 0) return null;
        var notStarted = cancelled.Count(r => r.Error == ExperimentRunner.NotStartedError);
        var completed = results.Runs.Count(r => r.Status == RunStatus.Completed);
        var failed = results.Runs.Count - completed - cancelled.Count;
        var counts = new List<string> { $"{completed} completed" };
        if (failed > 0) counts.Add($"{failed} failed or diverged");
        counts.Add($"{cancelled.Count - notStarted} cancelled while training");
        counts.Add($"{notStarted} not started");
        return $"interrupted: {string.Join(", ", counts)} (of {results.Runs.Count}); continue with: {ResumeCommand(output, settings)}";
    }

    /// <summary>
    /// <c>losslab run --resume DIR</c>, with the options that resuming needs again: the extra plugin folders (the
    /// plugins are checked against the earlier runs), --parallel, --device and --no-report as given.
    /// </summary>
    public static string ResumeCommand(string output, RunSettings settings)
    {
        var words = new List<string> { "losslab", "run", "--resume", Path.GetFullPath(output) };
        foreach (var folder in settings.Plugins) words.AddRange(["--plugins", Path.GetFullPath(folder)]);
        if (settings.Parallel != 0) words.AddRange(["--parallel", settings.Parallel.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (settings.Device != "auto") words.AddRange(["--device", settings.Device]);
        if (settings.NoReport) words.Add("--no-report");
        return string.Join(' ', words.Select(Quote));
    }

    /// <summary>POSIX shell quoting, only where a word needs it.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
