using System.Text.Json.Nodes;
using LossLab.Evaluation;

namespace LossLab.Engine.Experiments;

/// <summary>An experiment after defaults, overrides and validation. Plugin options are still JSON here;
/// <see cref="ResolvedExperiment"/> holds the configured plugins.</summary>
public sealed record Experiment
{
    public required string Name { get; init; }
    public required PluginRef Dataset { get; init; }
    /// <summary>Seed of the dataset plugin and the imbalance stage: the data is the same for every run seed.</summary>
    public int DataSeed { get; init; }
    public ImbalanceSettings? Imbalance { get; init; }
    public required SplitSettings Split { get; init; }
    public required PluginRef Model { get; init; }
    public required IReadOnlyList<LossEntry> Losses { get; init; }
    public required IReadOnlyList<int> Seeds { get; init; }
    public required TrainingSettings Training { get; init; }
    public required IReadOnlyList<string> Thresholds { get; init; }
    /// <summary>"none" or "temperature" (fitted on validation).</summary>
    public string Calibrate { get; init; } = "none";
    public required BootstrapSettings Bootstrap { get; init; }
    /// <summary>Acceptance gates judged for every loss; their operating points are among <see cref="Thresholds"/>.</summary>
    public IReadOnlyList<Gate> Gates { get; init; } = [];
    /// <summary>The share of positives expected in deployment, in (0, 1); null for none.</summary>
    public double? Prevalence { get; init; }
    public required string Title { get; init; }
}

public sealed record PluginRef(string Plugin, JsonObject Options);

public sealed record LossEntry(string Name, string Plugin, JsonObject Options);

/// <param name="MinorityClass">The label (0 or 1) whose examples are subsampled.</param>
/// <param name="Ratio">Majority examples per minority example after subsampling.</param>
public sealed record ImbalanceSettings(int MinorityClass, double Ratio);

public sealed record SplitSettings(double Validation, double Test);

/// <param name="BatchSize">0 means full batch.</param>
/// <param name="Threads">Torch intra-op threads per run; 0 means the machine's cores divided by --parallel.</param>
public sealed record TrainingSettings(int Epochs, int BatchSize, string Optimizer, double LearningRate, double WeightDecay, double Momentum, int Threads);

public sealed record BootstrapSettings(int Resamples, int Seed, double Confidence);
