using LossLab.Evaluation.Experiments;
using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>One training: a loss and a seed, with what the seed shares across losses; the trained weights are saved
/// in <c>ModelFolder</c> (null: not saved).</summary>
public sealed record RunRequest(
    ConfiguredLoss Loss,
    SeedData Data,
    InitialWeights Weights,
    ModelPlugin Model,
    DatasetInfo Info,
    Experiment Experiment,
    Device Device,
    string? ModelFolder,
    bool DecisionBoundary);

/// <summary>Per-epoch progress of a run, for the progress display: the epoch's training loss and its validation pass
/// (NaN where none was made; <see cref="ValidationAp"/> only when early stopping monitors it).</summary>
public sealed record EpochProgress(string Loss, int Seed, int Epoch, int Epochs, double TrainLoss,
    double ValidationLoss = double.NaN, double ValidationRocAuc = double.NaN, double? ValidationAp = null);
