using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Experiments;

/// <summary>
/// An experiment as typed values: parsed once at the boundary (the engine's ExperimentParser), then used as is by the
/// engine and written to results.json by the project's one JSON convention (<see cref="Results.ResultsJson"/>), which
/// the parser reads back to an equal experiment. Every key has its default here, and only here: a missing key
/// takes the value a new record holds.
/// </summary>
public sealed record Experiment
{
    public string Name { get; init; } = "experiment";
    public DatasetChoice Dataset { get; init; } = new("synthetic", []);
    /// <summary>Subsampling of one class before splitting; null for none.</summary>
    public ImbalanceSettings? Imbalance { get; init; }
    public SplitSettings Split { get; init; } = new();
    public PluginChoice Model { get; init; } = new("mlp", []);
    public IReadOnlyList<LossChoice> Losses { get; init; } = DefaultLosses();
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];
    public TrainingSettings Training { get; init; } = new();
    public IReadOnlyList<ThresholdObjective> Thresholds { get; init; } = [ThresholdObjective.Parse("max_f1"), ThresholdObjective.Parse("youden"), ThresholdObjective.Parse("recall>=0.9")];
    public CalibrationMode Calibrate { get; init; } = CalibrationMode.None;
    public BootstrapSettings Bootstrap { get; init; } = new();
    public ReportHeading Report { get; init; } = new();
    /// <summary>Acceptance gates judged for every loss; their operating points are among <see cref="Thresholds"/>.</summary>
    public IReadOnlyList<Gate> Gates { get; init; } = [];
    /// <summary>The share of positives expected in deployment, in (0, 1); null for none.</summary>
    public double? Prevalence { get; init; }

    /// <summary>The report's title: <see cref="ReportHeading.Title"/>, else the name.</summary>
    [JsonIgnore]
    public string Title => Report.Title ?? Name;

    /// <summary>The experiment as results.json writes it, which the parser reads back to an equal experiment (and --set edits for --resume).</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Results.ResultsJson.Options)!.AsObject();

    /// <summary>The three losses of the seed study: focal with the α and γ its authors recommend (Lin et al. 2017, §5.1).</summary>
    public static IReadOnlyList<LossChoice> DefaultLosses() =>
        [new("bce", "bce", []), new("weighted-bce", "weighted-bce", []), new("focal-g2", "focal", new JsonObject { ["alpha"] = 0.25, ["gamma"] = 2 })];
}

/// <summary>A plugin and its options: as written before the plugins are bound, every option explicit after.</summary>
public sealed record PluginChoice(string Plugin, JsonObject Options);

/// <param name="Seed">Seed of the dataset plugin and the imbalance stage: the data is the same for every run seed.</param>
public sealed record DatasetChoice(string Plugin, JsonObject Options, int Seed = 42);

/// <param name="Name">The name used everywhere in results and the report (unique within the experiment).</param>
public sealed record LossChoice(string Name, string Plugin, JsonObject Options);

/// <param name="MinorityClass">The label (0 or 1) whose examples are subsampled.</param>
/// <param name="Ratio">Majority examples per minority example after subsampling.</param>
public sealed record ImbalanceSettings(int MinorityClass = 1, double Ratio = 1);

public sealed record SplitSettings(double Validation = 0.15, double Test = 0.3);

/// <param name="BatchSize">0 means full batch.</param>
/// <param name="Threads">Torch intra-op threads per run; 0 means the machine's cores divided by --parallel.</param>
/// <param name="Augment">Images only: a random resized crop and a random horizontal flip of every training image, drawn per (seed, epoch, batch).</param>
public sealed record TrainingSettings(
    int Epochs = 30, int BatchSize = 0, OptimizerKind Optimizer = OptimizerKind.Adam, double LearningRate = 0.01,
    double WeightDecay = 0, double Momentum = 0.9, int Threads = 0, bool Augment = false);

public sealed record BootstrapSettings(int Resamples = 1000, int Seed = 0, double Confidence = 0.95);

/// <param name="Title">The report's title; the experiment's name when not given.</param>
public sealed record ReportHeading(string? Title = null);
