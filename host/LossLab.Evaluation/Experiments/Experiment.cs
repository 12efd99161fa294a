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
    /// <summary>
    /// For a file without <c>training</c>: <see cref="TrainingSettings.ForNewData"/>, settings a user's own data
    /// survives. A file that sets <c>training</c> fills its missing keys from the same values.
    /// </summary>
    public TrainingSettings Training { get; init; } = TrainingSettings.ForNewData;
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

/// <summary>
/// How runs train. The constructor's defaults are what a results.json written before a key existed meant
/// (30 full-batch epochs, the last one scored, no early stopping), so old results read back unchanged; experiment
/// files take their defaults from <see cref="ForNewData"/>.
/// </summary>
/// <param name="BatchSize">0 means full batch.</param>
/// <param name="Threads">Torch intra-op threads per run; 0 lets the engine choose from the cores and the model's size (ExecutionPlan).</param>
/// <param name="SelectEpoch">Which epoch's weights are scored: the last trained, or the best on the monitored validation metric.</param>
/// <param name="EarlyStopping">Stop when the monitored validation metric has not improved for a while; null for never
/// (written as <c>null</c>, so that a resumed run reads "off" back rather than the default).</param>
/// <param name="Augment">Images only: a random resized crop and a random horizontal flip of every training image, drawn per (seed, epoch, batch).</param>
public sealed record TrainingSettings(
    int Epochs = 30, int BatchSize = 0, OptimizerKind Optimizer = OptimizerKind.Adam, double LearningRate = 0.01,
    double WeightDecay = 0, double Momentum = 0.9, int Threads = 0, EpochSelection SelectEpoch = EpochSelection.Last,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] EarlyStoppingSettings? EarlyStopping = null, bool Augment = false)
{
    /// <summary>
    /// The defaults of an experiment file: minibatches of 256 and up to 200 epochs of Adam at 0.003, scoring the
    /// epoch with the best validation BCE and stopping 20 epochs after it. Twenty full-batch steps (the seed study)
    /// can leave a model anywhere, even below chance on another data set; enough steps plus the best epoch on
    /// validation cannot end worse than what validation saw.
    /// </summary>
    public static readonly TrainingSettings ForNewData = new(
        Epochs: 200, BatchSize: 256, Optimizer: OptimizerKind.Adam, LearningRate: 0.003, SelectEpoch: EpochSelection.Best,
        EarlyStopping: new EarlyStoppingSettings());
}

/// <param name="Monitor">The validation metric watched (also the one <see cref="EpochSelection.Best"/> picks by).</param>
/// <param name="Patience">Epochs without an improvement of more than <paramref name="MinDelta"/> before training stops.</param>
/// <param name="MinDelta">The smallest change that counts as an improvement.</param>
public sealed record EarlyStoppingSettings(MonitoredMetric Monitor = MonitoredMetric.ValidationBce, int Patience = 20, double MinDelta = 0);

public sealed record BootstrapSettings(int Resamples = 1000, int Seed = 0, double Confidence = 0.95);

/// <param name="Title">The report's title; the experiment's name when not given.</param>
public sealed record ReportHeading(string? Title = null);
