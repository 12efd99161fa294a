namespace LossLab.Evaluation.Results;

/// <summary>
/// What <c>losslab review</c> found about one file of scored rows, written to review.json (snake_case, see
/// <see cref="ResultsJson"/>).
/// </summary>
public sealed record ReviewResults
{
    public string SchemaVersion { get; init; } = "1";
    /// <summary>The file the rows came from.</summary>
    public required string Source { get; init; }
    /// <summary>All rows of the file, and how many have label 1.</summary>
    public int N { get; init; }
    public int Positives { get; init; }
    public bool SplitColumnUsed { get; init; }
    /// <summary>True when thresholds were tuned and judged on the same rows (no split column).</summary>
    public bool Optimistic { get; init; }
    /// <summary>One sentence for people saying how thresholds were tuned and judged, and whether that flatters them.</summary>
    public required string Note { get; init; }
    /// <summary>"validation" or "same rows".</summary>
    public required string TunedOn { get; init; }
    /// <summary>"test" or "all rows".</summary>
    public required string JudgedOn { get; init; }
    public int TuningRows { get; init; }
    public int TuningPositives { get; init; }
    public int JudgedRows { get; init; }
    public int JudgedPositives { get; init; }
    /// <summary>Every metric of the judged rows at threshold 0.5.</summary>
    public required MetricSet Metrics { get; init; }
    /// <summary>Keyed by the objective's canonical name (e.g. "max_f1").</summary>
    public Dictionary<string, ThresholdResult> Thresholds { get; init; } = [];
    /// <summary>10 equal-width bins of the judged rows (empty bins: count 0, NaN means).</summary>
    public ReliabilityBin[] Reliability { get; init; } = [];
    /// <summary>10 equal-count bins of the judged rows.</summary>
    public ReliabilityBin[] ReliabilityEqualCount { get; init; } = [];
    /// <summary>20 equal-width bins of the judged rows' scores, by class.</summary>
    public required ConfidenceHistogram Histogram { get; init; }
    /// <summary>
    /// Percentile intervals from a class-stratified bootstrap of the judged rows, keyed "roc_auc",
    /// "average_precision", "brier" and "f1@OBJECTIVE" (F1 at each tuned threshold, held fixed), plus each gate's
    /// metric ("ece", or "recall@precision>=0.5" at its operating point). Empty when the bootstrap was skipped.
    /// </summary>
    public Dictionary<string, Interval> Bootstrap { get; init; } = [];
    public int BootstrapResamples { get; init; }
    public int BootstrapSeed { get; init; }
    public double BootstrapConfidence { get; init; } = 0.95;
    /// <summary>Each acceptance gate as judged, in the order given; empty when none were given.</summary>
    public List<GateResult> Gates { get; init; } = [];
    /// <summary>True when every gate passed, false when one failed, null when no gates were given.</summary>
    public bool? GatesPassed { get; init; }
    /// <summary>The prevalence-dependent metrics re-weighted to the deployment prevalence; null when none was stated.</summary>
    public DeploymentView? Deployment { get; init; }
    /// <summary>The threshold that would ship: the first gate's operating point, else the first objective.</summary>
    public ThresholdResult? Shipped { get; init; }
    /// <summary>What was reviewed, by hash, for the sign-off page.</summary>
    public ReviewIdentity? Identity { get; init; }
}

/// <summary>
/// What was reviewed: the predictions file (whole-file SHA-256), the filters applied and the SHA-256 of the rows
/// actually judged, which split column was used and why, what the scores are, and, when given, the model (file or
/// folder) and the data it scored, by SHA-256, with how the scores were produced.
/// </summary>
public sealed record ReviewIdentity
{
    public required string DataPath { get; init; }
    /// <summary>SHA-256 of the whole predictions file.</summary>
    public required string DataSha256 { get; init; }
    public string? ModelPath { get; init; }
    public string? ModelSha256 { get; init; }
    /// <summary>Every --where filter, as "column=value"; empty when every row was kept.</summary>
    public List<string> Filters { get; init; } = [];
    /// <summary>SHA-256 of the rows judged after filtering: per row "label␉score␉split\n", score as a probability written with "R".</summary>
    public string? RowsSha256 { get; init; }
    /// <summary>The split column used, or null for none.</summary>
    public string? SplitColumn { get; init; }
    /// <summary>How the split column was chosen: "--split-column", "found by name (no --split-column given)" or "none".</summary>
    public string SplitColumnChoice { get; init; } = "none";
    /// <summary>"probability", or "logit" (turned into probabilities by σ).</summary>
    public string ScoreKind { get; init; } = "probability";
    /// <summary>With --model and --data: the data the model scored, and its SHA-256 (file, or folder listing).</summary>
    public string? ScoredDataPath { get; init; }
    public string? ScoredDataSha256 { get; init; }
    /// <summary>With --model and --data: how the scores were produced.</summary>
    public string? ScoresProducedBy { get; init; }
}
