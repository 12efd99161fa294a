using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// Progress as log lines (piped, CI, --quiet): one per run start and end, and every tenth epoch (or the last); with
/// --verbose every epoch with its validation pass (<see cref="EpochLine"/>). --quiet's log level drops them all.
/// </summary>
public sealed class LogRunProgress(ILogger logger, bool verbose) : IRunProgressDisplay
{
    private int _planned, _started;

    public void Planned(int runs) => _planned = runs;

    public void Started(string loss, int seed, int index)
    {
        var k = Interlocked.Increment(ref _started);
        logger.LogInformation("run {K}/{N}: {Loss} seed {Seed}", k, _planned, loss, seed);
    }

    public void Epoch(EpochProgress p)
    {
        if (verbose) logger.LogInformation("{Line}", EpochLine.Format(p));
        else if (p.Epoch % 10 == 0 || p.Epoch == p.Epochs)
            logger.LogInformation("  {Loss} seed {Seed} epoch {Epoch}/{Epochs} loss {TrainLoss:G4}", p.Loss, p.Seed, p.Epoch, p.Epochs, p.TrainLoss);
    }

    public void Finished(RunResult run)
    {
        if (run.Status == RunStatus.Completed)
            logger.LogInformation("  {Loss} seed {Seed}: completed in {Duration:0.0}s, test ROC-AUC {Auc:0.000}, AP {Ap:0.000}", run.Loss, run.Seed, run.DurationS, run.Test?.RocAuc, run.Test?.AveragePrecision);
        // Cancelled runs are counted once, at the end (RunCommand), not one warning each.
        else if (run.Status != RunStatus.Cancelled)
            logger.LogWarning("  {Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
    }

    public void Message(string text) => logger.LogWarning("{Message}", text);

    public void Dispose() { }
}
