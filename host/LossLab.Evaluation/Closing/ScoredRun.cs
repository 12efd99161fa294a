using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// One model's scores as <see cref="ClosingAnalysis"/> judges them: a run of <c>losslab run</c> (one loss, one
/// seed), or the scores given to <c>losslab review</c>.
/// </summary>
/// <param name="Judged">The judged rows (a run's test split).</param>
/// <param name="Metrics">The metrics of the judged rows at 0.5.</param>
/// <param name="Thresholds">Each objective's threshold, tuned on <paramref name="Tuning"/>, with its metrics on the judged rows.</param>
/// <param name="Tuning">The rows the thresholds were tuned on; the deployment view re-tunes on them at π.</param>
/// <param name="TunedOn">Their name: "validation", or "same rows" for a review without a split column.</param>
public sealed record ScoredRun(
    RankedRows Judged, MetricSet Metrics, IReadOnlyDictionary<string, ThresholdResult> Thresholds, RankedRows Tuning, string TunedOn);
