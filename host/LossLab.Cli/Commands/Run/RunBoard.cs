using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>Where one run stands in the live view.</summary>
public enum RunState { Queued, Training, Done, Failed }

/// <summary>One run as the live view shows it; <see cref="Order"/> is the order it finished in (0: not finished).</summary>
public sealed record RunRow(string Loss, int Seed, RunState State, int Epoch, int Epochs, double TrainLoss,
    double? RocAuc, double? AveragePrecision, string? Status, string? Error, double DurationS, int Order);

/// <summary>The board at one instant, with the overall counts and the estimated time left.</summary>
/// <param name="Eta">Null until a run has completed (nothing to estimate from).</param>
public sealed record RunBoardSnapshot(IReadOnlyList<RunRow> Runs, int Planned, TimeSpan Elapsed, TimeSpan? Eta)
{
    public int Count(RunState state) => Runs.Count(r => r.State == state);

    /// <summary>Finished runs, done or failed.</summary>
    public int Finished => Count(RunState.Done) + Count(RunState.Failed);

    /// <summary>Runs not begun yet: those listed as queued, and any planned but not yet listed.</summary>
    public int Queued => Math.Max(0, Planned - Finished - Count(RunState.Training));
}

/// <summary>
/// The state of every run of a <c>losslab run</c>, fed by the runner's progress calls from its worker threads and read
/// by the live view. The ETA is the mean duration of the runs that completed, times the work left (the queued runs
/// plus the unfinished epoch fraction of those training), divided by the runs that train at once (the most ever seen
/// training together, at least 1).
/// </summary>
public sealed class RunBoard(Func<DateTime>? clock = null)
{
    private readonly Func<DateTime> _clock = clock ?? (() => DateTime.UtcNow);
    private readonly Lock _lock = new();
    private readonly List<RunRow> _runs = [];
    private DateTime? _started;
    private int _planned, _finished, _mostAtOnce;

    public void Planned(int runs)
    {
        lock (_lock)
        {
            _planned = runs;
            _started ??= _clock();
        }
    }

    public void Queued(IReadOnlyList<(string Loss, int Seed)> runs)
    {
        lock (_lock)
            foreach (var (loss, seed) in runs)
                if (Find(loss, seed) < 0) _runs.Add(new RunRow(loss, seed, RunState.Queued, 0, 0, double.NaN, null, null, null, null, 0, 0));
    }

    public void Started(string loss, int seed)
    {
        lock (_lock)
        {
            _started ??= _clock();
            Put(new RunRow(loss, seed, RunState.Training, 0, 0, double.NaN, null, null, null, null, 0, 0));
            _mostAtOnce = Math.Max(_mostAtOnce, _runs.Count(r => r.State == RunState.Training));
        }
    }

    public void Epoch(EpochProgress p)
    {
        lock (_lock)
        {
            var i = Find(p.Loss, p.Seed);
            if (i >= 0 && _runs[i].State == RunState.Training) _runs[i] = _runs[i] with { Epoch = p.Epoch, Epochs = p.Epochs, TrainLoss = p.TrainLoss };
        }
    }

    public void Finished(RunResult run)
    {
        lock (_lock)
        {
            var i = Find(run.Loss, run.Seed);
            var row = i >= 0 ? _runs[i] : new RunRow(run.Loss, run.Seed, RunState.Training, 0, 0, double.NaN, null, null, null, null, 0, 0);
            var done = run.Status == RunStatus.Completed;
            Put(row with
            {
                State = done ? RunState.Done : RunState.Failed, Status = run.Status, Error = run.Error, DurationS = run.DurationS,
                RocAuc = run.Test?.RocAuc, AveragePrecision = run.Test?.AveragePrecision, Order = ++_finished,
            });
        }
    }

    public RunBoardSnapshot Snapshot()
    {
        lock (_lock)
        {
            var elapsed = _started is { } s ? _clock() - s : TimeSpan.Zero;
            return new RunBoardSnapshot([.. _runs], _planned, elapsed, Eta());
        }
    }

    private TimeSpan? Eta()
    {
        var completed = _runs.Where(r => r.State == RunState.Done).ToList();
        if (completed.Count == 0) return null;
        var mean = completed.Average(r => r.DurationS);
        var training = _runs.Where(r => r.State == RunState.Training).ToList();
        var queued = Math.Max(0, _planned - _finished - training.Count);
        var left = queued + training.Sum(r => r.Epochs > 0 ? 1 - (double)r.Epoch / r.Epochs : 1);
        return TimeSpan.FromSeconds(mean * left / Math.Max(1, _mostAtOnce));
    }

    private int Find(string loss, int seed) => _runs.FindIndex(r => r.Loss == loss && r.Seed == seed);

    private void Put(RunRow row)
    {
        var i = Find(row.Loss, row.Seed);
        if (i >= 0) _runs[i] = row;
        else _runs.Add(row);
    }
}
