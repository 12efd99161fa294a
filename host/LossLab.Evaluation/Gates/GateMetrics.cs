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

    public static bool IsKnown(string metric) => ThresholdFree.Contains(metric) || AtThreshold.Contains(metric);

    public static bool NeedsThreshold(string metric) => AtThreshold.Contains(metric);

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
