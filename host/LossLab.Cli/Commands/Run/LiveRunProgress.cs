using LossLab.Cli.Terminal;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// The live view on a terminal (stderr): <see cref="RunBoardView"/> redrawn four times a second from the
/// <see cref="RunBoard"/>. Log lines written meanwhile go into the view's log tail instead of under it (a line under a
/// live display garbles it); the warnings and errors among them are written out once the view has closed.
/// </summary>
public sealed class LiveRunProgress : IRunProgressDisplay
{
    private const int LogTail = 50;
    private readonly IAnsiConsole _console;
    private readonly ILogger _logger;
    private readonly LogOutput _output;
    private readonly bool _verbose;
    private readonly RunBoard _board = new();
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, string Text)> _log = [];
    private readonly List<(LogLevel Level, string Text)> _problems = [];
    private readonly TaskCompletionSource _done = new();
    private readonly IDisposable _capture;
    private readonly Task _display;
    private bool _disposed;

    public LiveRunProgress(IAnsiConsole console, ILogger logger, LogOutput output, bool verbose)
    {
        _console = console;
        _logger = logger;
        _output = output;
        _verbose = verbose;
        _capture = output.Capture(Keep);
        _display = console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Crop).Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async ctx =>
            {
                while (!_done.Task.IsCompleted)
                {
                    ctx.UpdateTarget(Render());
                    await Task.WhenAny(_done.Task, Task.Delay(250));
                }
                ctx.UpdateTarget(Render());
            });
    }

    public void Planned(int runs) => _board.Planned(runs);

    public void Queued(IReadOnlyList<(string Loss, int Seed)> runs) => _board.Queued(runs);

    public void Started(string loss, int seed, int index) => _board.Started(loss, seed);

    public void Epoch(EpochProgress p)
    {
        _board.Epoch(p);
        if (_verbose) _logger.LogInformation("{Line}", EpochLine.Format(p));
    }

    public void Finished(RunResult run)
    {
        _board.Finished(run);
        // Cancelled runs are counted once, at the end (RunCommand), not one warning each.
        if (run.Status is not (RunStatus.Completed or RunStatus.Cancelled))
            _logger.LogWarning("{Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
    }

    public void Message(string text) => _logger.LogWarning("{Message}", text);

    private Spectre.Console.Rendering.IRenderable Render()
    {
        List<(LogLevel, string)> log;
        lock (_lock) log = [.. _log];
        return RunBoardView.Render(_board.Snapshot(), log, _console.Profile.Width, _console.Profile.Height);
    }

    private void Keep(LogLevel level, string text)
    {
        lock (_lock)
        {
            _log.Add((level, text));
            if (_log.Count > LogTail) _log.RemoveAt(0);
            if (level >= LogLevel.Warning) _problems.Add((level, text));
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _done.TrySetResult();
        _display.GetAwaiter().GetResult();
        _capture.Dispose();
        foreach (var (level, text) in _problems) _output.Write(level, text);
    }
}
