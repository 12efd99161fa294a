using System.Collections.Concurrent;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LossLab.Cli.Commands.Run;

/// <summary>A Spectre.Console progress display: an overall bar (run k of n) and one bar per active run (epoch, loss).</summary>
public sealed class LiveRunProgress : IRunProgressDisplay
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string, int), ProgressTask> _tasks = new();
    private readonly TaskCompletionSource _done = new();
    private readonly Task _display;
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private readonly ManualResetEventSlim _ready = new();

    public LiveRunProgress(IAnsiConsole console, ILogger logger)
    {
        _logger = logger;
        _display = console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                _context = ctx;
                _ready.Set();
                await _done.Task;
            });
        _ready.Wait();
    }

    public void Planned(int runs) => _overall = _context!.AddTask($"runs (0/{runs})", maxValue: Math.Max(1, runs));

    public void Started(string loss, int seed, int index) => _tasks[(loss, seed)] = _context!.AddTask($"{Markup.Escape(loss)} seed {seed}");

    public void Epoch(EpochProgress p)
    {
        if (!_tasks.TryGetValue((p.Loss, p.Seed), out var task)) return;
        task.MaxValue = p.Epochs;
        task.Value = p.Epoch;
        task.Description = $"{Markup.Escape(p.Loss)} seed {p.Seed} epoch {p.Epoch}/{p.Epochs} loss {p.TrainLoss:G4}";
    }

    public void Finished(RunResult run)
    {
        if (_tasks.TryRemove((run.Loss, run.Seed), out var task))
        {
            task.Description = $"{Markup.Escape(run.Loss)} seed {run.Seed}: {run.Status}";
            task.StopTask();
        }
        if (_overall is null) return;
        _overall.Increment(1);
        _overall.Description = $"runs ({_overall.Value:0}/{_overall.MaxValue:0})";
        if (run.Status != RunStatus.Completed) _logger.LogWarning("{Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
    }

    public void Message(string text) => _logger.LogWarning("{Message}", text);

    public void Dispose()
    {
        _done.TrySetResult();
        _display.GetAwaiter().GetResult();
    }
}
