using LossLab.Evaluation.Experiments;
using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>One training: a loss and a seed, with what the seed shares across losses.</summary>
public sealed record RunRequest(
    ConfiguredLoss Loss,
    SeedData Data,
    InitialWeights Weights,
    ModelPlugin Model,
    DatasetInfo Info,
    Experiment Experiment,
    Device Device,
    string? ModelPath,
    bool DecisionBoundary);

/// <summary>Per-epoch progress of a run, for the progress display.</summary>
public sealed record EpochProgress(string Loss, int Seed, int Epoch, int Epochs, double TrainLoss);
