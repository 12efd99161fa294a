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
    /// "average_precision", "brier" and "f1@OBJECTIVE" (F1 at each tuned threshold, held fixed).
    /// </summary>
    public Dictionary<string, Interval> Bootstrap { get; init; } = [];
    public int BootstrapResamples { get; init; }
    public int BootstrapSeed { get; init; }
    public double BootstrapConfidence { get; init; } = 0.95;
}
