namespace LossLab.Reports.Verdict;

/// <summary>Human names for the snake_case metric keys of results.json.</summary>
internal static class MetricLabels
{
    private static readonly string[] Known = ["roc_auc", "average_precision", "f1", "precision", "recall", "ece", "brier", "log_loss"];

    public static string Short(string metric) => metric switch
    {
        "roc_auc" => "ROC-AUC",
        "average_precision" => "AP",
        "f1" => "F1",
        "ece" => "ECE",
        "mce" => "MCE",
        "mcc" => "MCC",
        "log_loss" => "log loss",
        "balanced_accuracy" => "balanced accuracy",
        _ => metric.Replace('_', ' '),
    };

    public static int Order(string metric)
    {
        var i = Array.IndexOf(Known, metric);
        return i < 0 ? Known.Length : i;
    }
}
