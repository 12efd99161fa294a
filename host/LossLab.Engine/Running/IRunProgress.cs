using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>Where the runner reports what it is doing (a live display on a terminal, log lines otherwise).</summary>
public interface IRunProgress
{
    void Planned(int runs);

    /// <summary>The runs about to train, in the order they are taken (after <see cref="Planned"/>); a display may list them as queued.</summary>
    void Queued(IReadOnlyList<(string Loss, int Seed)> runs) { }

    void Started(string loss, int seed, int index);
    void Epoch(EpochProgress progress);
    void Finished(RunResult run);
    void Message(string text);
}
