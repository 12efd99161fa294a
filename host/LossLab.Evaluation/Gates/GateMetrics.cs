using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>The metrics a <see cref="Gate"/> may name, with results.json's snake_case names.</summary>
public static class GateMetrics
{
    /// <summary>Metrics of the scores themselves; a gate on one of these has no operating point.</summary>
    public static IReadOnlyList<string> ThresholdFree { get; } =
        ["roc_auc", "average_precision", "brier", "log_loss", "ece", "mce"];

    /// <summary>Metrics of the decisions at a threshold; a gate on one of these needs "at".</summary>
    public static IReadOnlyList<string> AtThreshold { get; } =
        ["precision", "recall", "specificity", "f1", "accuracy", "balanced_accuracy", "mcc"];

    /// <summary>Metrics a gate may judge at the deployment prevalence: those that mix the classes and have a
    /// closed form in TPR, FPR and π (AP re-weights the negatives).</summary>
    public static IReadOnlyList<string> PrevalenceDependent { get; } = ["precision", "f1", "accuracy", "average_precision"];

    public static bool IsKnown(string metric) => ThresholdFree.Contains(metric) || AtThreshold.Contains(metric);

    public static bool NeedsThreshold(string metric) => AtThreshold.Contains(metric);

    /// <summary>
    /// The gate's metric at the deployment prevalence π, from the counts at its threshold:
    /// precision(π) and F1(π) as in <see cref="PrevalenceReweighting"/>, accuracy(π) = TPR·π + (1 − FPR)·(1 − π).
    /// Average precision needs the ranking, so it is passed in.
    /// </summary>
    internal static double AtPrevalence(string metric, ConfusionCounts c, double prevalence, double averagePrecision) => metric switch
    {
        "precision" => PrevalenceReweighting.Precision(c.Recall, c.FalsePositiveRate, prevalence),
        "f1" => PrevalenceReweighting.F1(c.Recall, c.FalsePositiveRate, prevalence),
        "accuracy" => c.Recall * prevalence + (1 - c.FalsePositiveRate) * (1 - prevalence),
        "average_precision" => averagePrecision,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a prevalence-dependent gate metric."),
    };

    /// <summary>The gate's metric on the judged rows: from the metrics at 0.5 or at its operating point's tuned
    /// threshold, re-weighted to the deployment prevalence when the gate says so.</summary>
    internal static double Value(Gate gate, MetricSet atHalf, IReadOnlyDictionary<string, ThresholdResult> thresholds,
        RankedRows judged, double? prevalence)
    {
        var set = gate.At is null ? atHalf : thresholds[gate.At].Test;
        if (!gate.AtDeployment) return MetricNames.ToDictionary(set)[gate.Metric];
        double ap = gate.Metric == "average_precision" ? PrevalenceReweighting.AveragePrecision(judged, prevalence!.Value) : double.NaN;
        return AtPrevalence(gate.Metric, set.Counts, prevalence!.Value, ap);
    }

    /// <summary>Where a gate's interval is kept in a review's bootstrap table, e.g. "recall@precision>=0.5" or "precision@max_f1@deployment".</summary>
    internal static string Key(Gate gate) =>
        gate.Metric + (gate.At is null ? "" : $"@{gate.At}") + (gate.AtDeployment ? "@deployment" : "");

    /// <summary>The gate's metric in one bootstrap resample, from its threshold-free metrics and its counts at the gate's threshold.</summary>
    internal static double Read(Gate gate, ResampleMetrics m, ConfusionCounts c, double? prevalence) =>
        gate.AtDeployment ? AtPrevalence(gate.Metric, c, prevalence!.Value, m.DeploymentAveragePrecision) : Read(gate.Metric, m, c);

    /// <summary>The metric in one bootstrap resample, from its threshold-free metrics and its counts at the gate's threshold.</summary>
    internal static double Read(string metric, ResampleMetrics m, ConfusionCounts c) => metric switch
    {
        "roc_auc" => m.RocAuc,
        "average_precision" => m.AveragePrecision,
        "brier" => m.Brier,
        "log_loss" => m.LogLoss,
        "ece" => m.Ece,
        "mce" => m.Mce,
        "precision" => c.Precision,
        "recall" => c.Recall,
        "specificity" => c.Specificity,
        "f1" => c.F1,
        "accuracy" => c.Accuracy,
        "balanced_accuracy" => c.BalancedAccuracy,
        "mcc" => c.Mcc,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a gate metric."),
    };
}
