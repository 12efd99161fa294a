using System.Globalization;
using LossLab.Cli.Terminal;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// The live view of a <c>losslab run</c> as lines that never wrap and never outnumber the terminal's rows: the overall
/// bar with elapsed time and ETA, then a count line, then as many runs as fit (training first, then failed, then
/// the latest finished, then the next queued) with a line counting the rest, then the latest log lines.
/// </summary>
public static class RunBoardView
{
    /// <summary>Log lines shown under the runs: at most this many, and at most a quarter of the rows.</summary>
    private const int MaxLogLines = 6;

    public static IRenderable Render(RunBoardSnapshot board, IReadOnlyList<(LogLevel Level, string Text)> log, int width, int height) =>
        new Rows(Lines(board, log, width, height).Select(l => (IRenderable)new Text(l.Text, l.Style)));

    /// <param name="height">The terminal's rows; one stays free for the cursor below the view.</param>
    public static IReadOnlyList<(string Text, Style Style)> Lines(RunBoardSnapshot board, IReadOnlyList<(LogLevel Level, string Text)> log, int width, int height)
    {
        width = Math.Max(20, width);
        var room = Math.Max(1, height - 1);
        var lines = new List<(string, Style)> { (Fit(Overall(board, width), width), new Style(Color.Aqua)) };
        if (room >= 2) lines.Add((Fit(Counts(board), width), Style.Plain));
        var logShown = Math.Min(log.Count, Math.Min(MaxLogLines, (room - lines.Count) / 4));
        var runRoom = room - lines.Count - logShown;

        var ordered = board.Runs.Where(r => r.State == RunState.Training)
            .Concat(board.Runs.Where(r => r.State == RunState.Failed).OrderByDescending(r => r.Order))
            .Concat(board.Runs.Where(r => r.State == RunState.Done).OrderByDescending(r => r.Order))
            .Concat(board.Runs.Where(r => r.State == RunState.Queued))
            .ToList();
        var shown = ordered.Count <= runRoom ? ordered : ordered.Take(Math.Max(0, runRoom - 1)).ToList();
        foreach (var run in shown) lines.Add((Fit(Describe(run), width), StyleOf(run.State)));
        if (shown.Count < ordered.Count && runRoom >= 1)
        {
            var rest = ordered.Skip(shown.Count).GroupBy(r => r.State).OrderBy(g => Rank(g.Key))
                .Select(g => $"{g.Count()} {Word(g.Key)}");
            lines.Add((Fit($"  … and {ordered.Count - shown.Count} more: {string.Join(", ", rest)}", width), new Style(Color.Grey)));
        }
        foreach (var (level, text) in log.Skip(log.Count - logShown))
            lines.Add((Fit(LogOutput.Format(level, text), width), level >= LogLevel.Warning ? new Style(Color.Yellow) : new Style(Color.Grey)));
        return lines;
    }

    /// <summary>"━━━━━━────── 12/40 runs  30%  elapsed 0:01:23  ETA 0:03:10".</summary>
    private static string Overall(RunBoardSnapshot board, int width)
    {
        var total = Math.Max(1, board.Planned);
        var fraction = Math.Clamp((double)board.Finished / total, 0, 1);
        var text = $" {board.Finished}/{board.Planned} runs {fraction * 100,3:0}%  elapsed {Clock(board.Elapsed)}  ETA {(board.Eta is { } eta ? Clock(eta) : "after the first run")}";
        var bar = Math.Clamp(width - text.Length - 1, 10, 40);
        var full = (int)Math.Round(fraction * bar);
        return new string('━', full) + new string('─', bar - full) + text;
    }

    private static string Counts(RunBoardSnapshot board) =>
        $"{board.Count(RunState.Training)} training · {board.Count(RunState.Done)} done · {board.Count(RunState.Failed)} failed · {board.Queued} queued";

    private static string Describe(RunRow run) => run.State switch
    {
        RunState.Training => $"  {run.Loss} seed {run.Seed}: training" + (run.Epochs > 0 ? $" epoch {run.Epoch}/{run.Epochs}, loss {F(run.TrainLoss, "G4")}" : ""),
        RunState.Done => $"  {run.Loss} seed {run.Seed}: done in {F(run.DurationS, "0.0")}s, ROC-AUC {F(run.RocAuc, "0.000")}, AP {F(run.AveragePrecision, "0.000")}",
        RunState.Failed => $"  {run.Loss} seed {run.Seed}: {run.Status}" + (run.Error is { Length: > 0 } e ? $": {e}" : ""),
        _ => $"  {run.Loss} seed {run.Seed}: queued",
    };

    /// <summary>The order of the states in the view: training, failed, done, queued.</summary>
    private static int Rank(RunState state) => state switch
    {
        RunState.Training => 0,
        RunState.Failed => 1,
        RunState.Done => 2,
        _ => 3,
    };

    private static string Word(RunState state) => state switch
    {
        RunState.Training => "training",
        RunState.Done => "done",
        RunState.Failed => "failed",
        _ => "queued",
    };

    private static Style StyleOf(RunState state) => state switch
    {
        RunState.Training => Style.Plain,
        RunState.Done => new Style(Color.Green),
        RunState.Failed => new Style(Color.Red),
        _ => new Style(Color.Grey),
    };

    private static string F(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Clock(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>One terminal row: control characters out, cut with an ellipsis to leave the last column free (no wrap).</summary>
    private static string Fit(string text, int width)
    {
        var flat = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return flat.Length < width ? flat : flat[..(width - 2)] + "…";
    }
}
