using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Run;

/// <summary>Progress as log lines: one per run start and end, and every tenth epoch (or the last).</summary>
public sealed class LogRunProgress(ILogger logger, bool quiet) : IRunProgressDisplay
{
    private int _planned, _started;

    public void Planned(int runs) => _planned = runs;

    public void Started(string loss, int seed, int index)
    {
        var k = Interlocked.Increment(ref _started);
        if (!quiet) logger.LogInformation("run {K}/{N}: {Loss} seed {Seed}", k, _planned, loss, seed);
    }

    public void Epoch(EpochProgress p)
    {
        if (!quiet && (p.Epoch % 10 == 0 || p.Epoch == p.Epochs))
            logger.LogInformation("  {Loss} seed {Seed} epoch {Epoch}/{Epochs} loss {TrainLoss:G4}", p.Loss, p.Seed, p.Epoch, p.Epochs, p.TrainLoss);
    }

    public void Finished(RunResult run)
    {
        if (run.Status == RunStatus.Completed)
        {
            if (!quiet) logger.LogInformation("  {Loss} seed {Seed}: completed in {Duration:0.0}s, test ROC-AUC {Auc:0.000}", run.Loss, run.Seed, run.DurationS, run.Test?.RocAuc);
        }
        else logger.LogWarning("  {Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
    }

    public void Message(string text) => logger.LogWarning("{Message}", text);

    public void Dispose() { }
}
