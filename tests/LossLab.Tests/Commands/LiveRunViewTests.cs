using LossLab.Cli.Commands.Run;
using LossLab.Cli.Terminal;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using System.Text.RegularExpressions;

namespace LossLab.Tests.Commands;

/// <summary>
/// Issue 19, live view: rendered by Spectre into a console of fixed size (a StringWriter with the terminal's rows
/// and columns set), 40 runs never push the overall line off a 24-row terminal, and a 60-row one shows more of them.
/// </summary>
public sealed class LiveRunViewTests
{
    private static readonly string[] Losses = ["bce", "weighted-bce", "focal-g2", "asymmetric"];

    /// <summary>40 runs (4 losses × 10 seeds): 13 done, 1 failed, 2 training, 24 queued; a clock that ticks on demand.</summary>
    private static (RunBoard Board, Func<DateTime> Tick) FortyRuns(Action<DateTime>? setNow = null)
    {
        var now = new DateTime(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc);
        var board = new RunBoard(() => now);
        var runs = Enumerable.Range(1, 10).SelectMany(seed => Losses.Select(loss => (loss, seed))).ToList();
        board.Planned(runs.Count);
        board.Queued(runs);
        for (var i = 0; i < 14; i++)
        {
            board.Started(runs[i].loss, runs[i].seed);
            board.Finished(i == 5
                ? new RunResult { Loss = runs[i].loss, Seed = runs[i].seed, Status = RunStatus.Diverged, Error = "loss became NaN at epoch 3", DurationS = 1 }
                : new RunResult { Loss = runs[i].loss, Seed = runs[i].seed, Status = RunStatus.Completed, DurationS = 10 + i, Test = new MetricSet { RocAuc = 0.9, AveragePrecision = 0.5 } });
        }
        board.Started(runs[14].loss, runs[14].seed);
        board.Epoch(new EpochProgress(runs[14].loss, runs[14].seed, 5, 10, 0.25));
        board.Started(runs[15].loss, runs[15].seed);
        board.Epoch(new EpochProgress(runs[15].loss, runs[15].seed, 0, 10, double.NaN));
        return (board, () => now = now.AddSeconds(60));
    }

    private static List<string> Rendered(RunBoardSnapshot snapshot, IReadOnlyList<(LogLevel, string)> log, int height, int width = 80)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(RunBoardView.Render(snapshot, log, console.Profile.Width, console.Profile.Height));
        return [.. writer.ToString().TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r'))];
    }

    [Theory]
    [InlineData(24)]
    [InlineData(60)]
    public void Forty_runs_fit_the_terminal_with_the_overall_line_first(int height)
    {
        var (board, tick) = FortyRuns();
        tick();
        var log = Enumerable.Range(1, 20).Select(i => (LogLevel.Warning, $"message {i}")).ToList();
        var lines = Rendered(board.Snapshot(), log, height);

        Assert.True(lines.Count <= height - 1, $"{lines.Count} lines in a {height}-row terminal:\n{string.Join('\n', lines)}");
        Assert.Matches(@"^[━─]{10,} 14/40 runs  35%  elapsed 1:00  ETA ", lines[0]);
        Assert.Equal("2 training · 13 done · 1 failed · 24 queued", lines[1].TrimEnd());
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        // Both training runs and the failure are always shown; what does not fit is counted, never dropped silently.
        Assert.Contains(lines, l => l.Contains("focal-g2 seed 4: training epoch 5/10, loss 0.25", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("diverged: loss became NaN at epoch 3", StringComparison.Ordinal));
        var shownRuns = lines.Count(l => Regex.IsMatch(l, @"^  \S+ seed \d+: "));
        var more = lines.SingleOrDefault(l => l.StartsWith("  … and ", StringComparison.Ordinal));
        var hidden = more is null ? 0 : int.Parse(Regex.Match(more, @"and (\d+) more").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(40, shownRuns + hidden);
        Assert.Contains(lines, l => l == "warning: message 20");
        if (height == 60) Assert.Equal(40, shownRuns);
        else Assert.True(shownRuns >= 10, string.Join('\n', lines));
    }

    [Fact]
    public void Done_runs_show_their_test_roc_auc_and_ap()
    {
        var (board, _) = FortyRuns();
        var lines = Rendered(board.Snapshot(), [], 60);
        Assert.Contains(lines, l => l.TrimEnd() == "  focal-g2 seed 1: done in 12.0s, ROC-AUC 0.900, AP 0.500");
        Assert.Contains(lines, l => l.TrimEnd() == "  asymmetric seed 10: queued");
    }

    [Fact]
    public void Eta_is_the_mean_completed_run_time_times_the_work_left_over_the_runs_at_once()
    {
        var (board, _) = FortyRuns();
        var snapshot = board.Snapshot();
        // Completed durations 10..13 and 15..23 (run 5 diverged): mean 212 / 13. Work left: 24 queued + half of one
        // run at epoch 5/10 + all of one at epoch 0; two runs trained at once.
        var mean = (Enumerable.Range(10, 14).Sum() - 15) / 13.0;
        Assert.Equal(mean * (24 + 0.5 + 1) / 2, snapshot.Eta!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void A_height_of_three_rows_still_shows_the_overall_line()
    {
        var (board, _) = FortyRuns();
        var lines = Rendered(board.Snapshot(), [(LogLevel.Information, "x")], 3);
        Assert.True(lines.Count <= 2, string.Join('\n', lines));
        Assert.Contains("14/40 runs", lines[0]);
    }

    [Fact]
    public void Log_lines_written_during_the_live_view_go_into_it_and_its_warnings_are_written_after_it()
    {
        var stderr = new StringWriter();
        var output = new LogOutput(stderr, color: false);
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        console.Profile.Width = 120;
        console.Profile.Height = 24;
        var logger = new PlainLoggerProvider(output).CreateLogger("LossLab.Run");
        using (var live = new LiveRunProgress(console, logger, output, verbose: true))
        {
            live.Planned(1);
            live.Queued([("bce", 1)]);
            live.Started("bce", 1, 0);
            live.Epoch(new EpochProgress("bce", 1, 1, 2, 0.5, 0.4, 0.75));
            live.Message("a dataset warning");
            logger.LogInformation("an information line");
            Assert.Equal("", stderr.ToString());
            live.Finished(new RunResult { Loss = "bce", Seed = 1, Status = RunStatus.Completed, DurationS = 1, Test = new MetricSet { RocAuc = 0.8, AveragePrecision = 0.3 } });
        }
        Assert.Equal("warning: a dataset warning" + Environment.NewLine, stderr.ToString());
        var drawn = screen.ToString();
        Assert.Contains("bce seed 1 epoch 1/2: train loss 0.5, validation loss 0.4, validation ROC-AUC 0.750", drawn);
        Assert.Contains("bce seed 1: done in 1.0s, ROC-AUC 0.800, AP 0.300", drawn);
        logger.LogInformation("after the view");
        Assert.EndsWith("after the view" + Environment.NewLine, stderr.ToString());
    }
}
