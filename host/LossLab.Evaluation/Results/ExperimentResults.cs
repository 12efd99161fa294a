using LossLab.Evaluation.Experiments;

namespace LossLab.Evaluation.Results;

/// <summary>
/// Everything <c>losslab run</c> learned, as written to results.json (snake_case). The report is rendered from
/// this plus predictions.csv beside it, so <c>losslab report</c> needs no training.
/// </summary>
public sealed record ExperimentResults
{
    /// <summary>2: the experiment is written once, typed (plugin options only there, not again in the summaries).</summary>
    public string SchemaVersion { get; init; } = "2";
    public required string Name { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public string CommandLine { get; init; } = "";
    /// <summary>The experiment as resolved: defaults filled in, --set overrides applied, every plugin option explicit.</summary>
    public Experiment Experiment { get; init; } = new();
    /// <summary>SHA-256 of <see cref="Experiment"/> as written here (<see cref="ExperimentHash"/>): --out and --resume compare it.</summary>
    public string ExperimentSha256 { get; init; } = "";
    /// <summary>The experiment file, absolute (or the embedded default's name), and the folder its relative paths
    /// were resolved from: --resume resolves them from there again, not from the results folder.</summary>
    public string ExperimentSource { get; init; } = "";
    public string BaseDirectory { get; init; } = "";
    /// <summary>Set in a shard's folder (<c>run --shard i/n</c>): it holds only that shard's runs (<see cref="LossLab.Evaluation.ShardPlan"/>)
    /// and no cross-run analysis (aggregates, bootstrap, gates, warnings) until <c>losslab merge</c>; null otherwise.</summary>
    public ShardInfo? Shard { get; init; }
    /// <summary>The folders <c>losslab merge</c> joined into this one; null for a folder no merge wrote.</summary>
    public List<MergedPart>? MergedFrom { get; init; }
    public required EnvironmentInfo Environment { get; init; }
    public List<PluginUsage> Plugins { get; init; } = [];
    public required DatasetSummary Dataset { get; init; }
    public required ModelSummary Model { get; init; }
    public List<LossSummary> Losses { get; init; } = [];
    public List<int> Seeds { get; init; } = [];
    public List<string> ThresholdObjectives { get; init; } = [];
    public List<RunResult> Runs { get; init; } = [];
    /// <summary>Per loss: mean, sd, min, max over completed seeds of every test metric (at 0.5 and at each tuned threshold).</summary>
    public List<LossAggregate> Aggregates { get; init; } = [];
    public BootstrapSummary? Bootstrap { get; init; }
    public List<LossShape> LossShapes { get; init; } = [];
    /// <summary>
    /// For datasets with two features: each loss's model scored on a grid (first completed seed). Not in results.json
    /// (the grids were most of its size): <see cref="ResultsFolder"/> writes them to decision-boundaries.json beside it
    /// and reads them back, checked against <see cref="DecisionBoundariesSha256"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<DecisionBoundary> DecisionBoundaries { get; init; } = [];
    /// <summary>SHA-256 of decision-boundaries.json as written with these results; null when there are no decision boundaries.</summary>
    public string? DecisionBoundariesSha256 { get; init; }
    /// <summary>The experiment's acceptance gates judged for each loss; empty when it has none.</summary>
    public List<LossGates> Gates { get; init; } = [];
    /// <summary>True when every loss passed every gate, false when any failed, null without gates.</summary>
    public bool? GatesPassed { get; init; }
    /// <summary>The deployment prevalence of the experiment file; each completed run then has a <see cref="RunResult.Deployment"/>.</summary>
    public double? Prevalence { get; init; }
    /// <summary>Every reason found not to trust a number (<see cref="LossLab.Evaluation.ResultChecks"/>), shown first in summary.md, the report and the terminal.</summary>
    public List<ResultWarning> Warnings { get; init; } = [];

    /// <summary>The options, every one explicit, of the loss named <paramref name="loss"/> in <see cref="Experiment"/>.</summary>
    public System.Text.Json.Nodes.JsonObject LossOptions(string loss) =>
        Experiment.Losses.FirstOrDefault(l => l.Name == loss)?.Options ?? [];
}

/// <summary>One loss's gates: each value is the mean over its completed seeds, each interval a bootstrap of their test rows.</summary>
public sealed record LossGates
{
    public required string Loss { get; init; }
    public bool Passed { get; init; }
    /// <summary>How many completed seeds the values average.</summary>
    public int Seeds { get; init; }
    public List<GateResult> Results { get; init; } = [];
}

public sealed record EnvironmentInfo
{
    public string Os { get; init; } = "";
    public string DotNet { get; init; } = "";
    public string TorchSharp { get; init; } = "";
    public string LibTorch { get; init; } = "";
    public string Device { get; init; } = "cpu";
    public int Threads { get; init; }
    /// <summary>Runs at once and threads, who chose them and why; null in results written before it was recorded.</summary>
    public ExecutionInfo? Execution { get; init; }
    public string Machine { get; init; } = "";
    public string LossLab { get; init; } = "";
}

public sealed record PluginUsage(string Kind, string Name, string Source, string Sha256);

public sealed record SplitSummary(int Rows, int Positives)
{
    public int Negatives => Rows - Positives;
}

public sealed record DatasetSummary
{
    public required string Plugin { get; init; }
    public string Source { get; init; } = "";
    /// <summary>After the imbalance stage, before splitting.</summary>
    public int Rows { get; init; }
    public int Positives { get; init; }
    public int Negatives { get; init; }
    /// <summary>Negatives per positive (majority:minority when positives are the minority).</summary>
    public double Ratio { get; init; }
    public int[] InputShape { get; init; } = [];
    public List<string> FeatureNames { get; init; } = [];
    public List<string> ClassNames { get; init; } = [];
    /// <summary>SHA-256 of the rows after the imbalance stage (shape, features, labels), identifying the data on the sign-off page.</summary>
    public string Sha256 { get; init; } = "";
    /// <summary>Rows as loaded, before the imbalance stage.</summary>
    public int LoadedRows { get; init; }
    public int LoadedPositives { get; init; }
    /// <summary>Keyed "train", "validation", "test"; counts for the first seed (every seed uses the same sizes).</summary>
    public Dictionary<string, SplitSummary> Splits { get; init; } = [];
    /// <summary>Inputs the dataset plugin left out (an unreadable image, say), with why; empty when none.</summary>
    public List<SkippedInputSummary> SkippedInputs { get; init; } = [];
    /// <summary>Columns of a table left out of the features because they hold text.</summary>
    public List<string> DroppedColumns { get; init; } = [];
}

/// <param name="Path">The file (or row) as the plugin names it, e.g. relative to the image folder.</param>
/// <param name="Reason">Why it was left out, e.g. "not a decodable PNG or JPEG".</param>
public sealed record SkippedInputSummary(string Path, string Reason);

public sealed record ModelSummary
{
    public required string Plugin { get; init; }
    public long Parameters { get; init; }
    /// <summary>Parameters that train, when the plugin froze some (requires_grad = false); null when all train.</summary>
    public long? TrainableParameters { get; init; }
    /// <summary>The pretrained weights loaded after the seeded build (the same file for every seed); null when none.</summary>
    public LoadedWeights? Weights { get; init; }
}

public sealed record LossSummary
{
    /// <summary>The name used everywhere in the report (unique within the experiment).</summary>
    public required string Name { get; init; }
    public required string Plugin { get; init; }
    public string Description { get; init; } = "";
    public string Source { get; init; } = "";
    public string Sha256 { get; init; } = "";
    /// <summary>The plugin's own formula (<c>LossPlugin.Formula</c>); "" when it gives none.</summary>
    public string Formula { get; init; } = "";
    /// <summary>Option name → the plugin's description of it, for every option of the loss in <see cref="ExperimentResults.Experiment"/>.</summary>
    public Dictionary<string, string> OptionHelp { get; init; } = [];
    /// <summary>
    /// What the options as used mean for this data's classes (how much a positive weighs against a negative, how
    /// fast easy examples are discounted), measured from the loss itself; null when the plugin could not be evaluated.
    /// </summary>
    public LossMeasurements? Measurements { get; init; }
}

public sealed record EpochRecord
{
    public int Epoch { get; init; }
    public double TrainLoss { get; init; }
    public double ValidationLoss { get; init; }
    public double ValidationBce { get; init; }
    public double ValidationRocAuc { get; init; }
    /// <summary>Validation average precision, computed only when early stopping monitors it; null otherwise.</summary>
    public double? ValidationAp { get; init; }
}

public static class RunStatus
{
    public const string Completed = "completed";
    public const string Diverged = "diverged";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}

public sealed record RunResult
{
    public required string Loss { get; init; }
    public int Seed { get; init; }
    public required string Status { get; init; }
    public string? Error { get; init; }
    public int? DivergedAtEpoch { get; init; }
    public string InitHash { get; init; } = "";
    public string DataOrderHash { get; init; } = "";
    public List<EpochRecord> Epochs { get; init; } = [];
    /// <summary>
    /// The epoch (1-based) whose weights were scored: the last one trained with <c>select_epoch: last</c>, the best on
    /// the monitored validation metric with <c>best</c>; null for a run that was never scored.
    /// </summary>
    public int? SelectedEpoch { get; init; }
    /// <summary>The epoch at which early stopping ended training before the planned epochs; null when it did not.</summary>
    public int? StoppedEarlyAtEpoch { get; init; }
    /// <summary>Test metrics at threshold 0.5.</summary>
    public MetricSet? Test { get; init; }
    /// <summary>Validation metrics at threshold 0.5.</summary>
    public MetricSet? Validation { get; init; }
    /// <summary>Keyed by objective (e.g. "max_f1"), tuned on validation and applied to test.</summary>
    public Dictionary<string, ThresholdResult> Thresholds { get; init; } = [];
    public CalibrationResult? Calibration { get; init; }
    public double DurationS { get; init; }
    /// <summary>The saved model's folder (weights, state_dict.pt, model.json), relative to the results folder.</summary>
    public string? ModelPath { get; init; }
    /// <summary>Rows of this run in predictions.csv (validation and test), and their SHA-256 (<see cref="PredictionDigest"/>); null before it is scored.</summary>
    public int? PredictionRows { get; init; }
    public string? PredictionsSha256 { get; init; }
    /// <summary>SHA-256 of the saved model folder (<see cref="FileHash.OfPath"/>), for the sign-off page.</summary>
    public string? ModelSha256 { get; init; }
    /// <summary>Test metrics re-weighted to the experiment's deployment prevalence; null without one.</summary>
    public DeploymentView? Deployment { get; init; }
}

/// <summary>Temperature scaling fitted on validation logits: scores become sigmoid(logit / T).</summary>
public sealed record CalibrationResult
{
    public required string Method { get; init; }
    public double Temperature { get; init; }
    public double TestEceBefore { get; init; }
    public double TestEceAfter { get; init; }
}

public sealed record Statistic(double Mean, double Sd, double Min, double Max, int Count);

public sealed record LossAggregate
{
    public required string Loss { get; init; }
    public int CompletedRuns { get; init; }
    /// <summary>Test metrics at 0.5, keyed by metric name (snake_case, e.g. "roc_auc").</summary>
    public Dictionary<string, Statistic> Test { get; init; } = [];
    /// <summary>Keyed by objective, then metric: test metrics at the threshold tuned on validation.</summary>
    public Dictionary<string, Dictionary<string, Statistic>> Thresholds { get; init; } = [];
}

public sealed record Interval(double Estimate, double Lower, double Upper);

/// <summary>
/// Paired bootstrap over the test rows: each resample draws the same row indices for every loss (per seed),
/// and a metric's value in a resample is its mean over seeds.
/// </summary>
public sealed record BootstrapSummary
{
    public int Resamples { get; init; }
    public int Seed { get; init; }
    public double Confidence { get; init; } = 0.95;
    public required string Baseline { get; init; }
    /// <summary>The threshold objective the F1 interval uses.</summary>
    public required string ThresholdObjective { get; init; }
    /// <summary>Loss → metric ("roc_auc", "average_precision", "f1") → interval.</summary>
    public Dictionary<string, Dictionary<string, Interval>> Metrics { get; init; } = [];
    /// <summary>Loss → metric → interval of (loss − baseline); absent for the baseline itself.</summary>
    public Dictionary<string, Dictionary<string, PairedDifference>> Differences { get; init; } = [];
}

/// <param name="Verdict">"better", "worse" or "no clear difference" (the interval contains 0).</param>
public sealed record PairedDifference(double Estimate, double Lower, double Upper, string Verdict);

/// <summary>Loss and d(loss)/d(logit) over a grid of p_t (probability of the true class), per target.</summary>
public sealed record LossShape
{
    public required string Loss { get; init; }
    public double[] Pt { get; init; } = [];
    public double[] LossPositive { get; init; } = [];
    public double[] GradPositive { get; init; } = [];
    public double[] LossNegative { get; init; } = [];
    public double[] GradNegative { get; init; } = [];
}

/// <summary>Scores of a model on a Resolution × Resolution grid over the first two (standardised) features.</summary>
public sealed record DecisionBoundary
{
    public required string Loss { get; init; }
    public int Seed { get; init; }
    public double XMin { get; init; }
    public double XMax { get; init; }
    public double YMin { get; init; }
    public double YMax { get; init; }
    public int Resolution { get; init; }
    /// <summary>Row-major, Scores[iy * Resolution + ix] at x = XMin + ix·dx, y = YMin + iy·dy.</summary>
    public double[] Scores { get; init; } = [];
    /// <summary>Test points (standardised features) of that seed, with labels, for drawing over the grid.</summary>
    public double[] TestX { get; init; } = [];
    public double[] TestY { get; init; } = [];
    public int[] TestLabels { get; init; } = [];
}
