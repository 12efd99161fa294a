using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>The snake_case names of <see cref="MetricSet"/> fields, exactly as results.json writes them.</summary>
public static class MetricNames
{
    private static readonly (string Name, Func<MetricSet, double> Read)[] Fields =
    [
        ("roc_auc", m => m.RocAuc),
        ("average_precision", m => m.AveragePrecision),
        ("brier", m => m.Brier),
        ("log_loss", m => m.LogLoss),
        ("ece", m => m.Ece),
        ("mce", m => m.Mce),
        ("threshold", m => m.Threshold),
        ("tp", m => m.Tp),
        ("fp", m => m.Fp),
        ("tn", m => m.Tn),
        ("fn", m => m.Fn),
        ("accuracy", m => m.Accuracy),
        ("precision", m => m.Precision),
        ("recall", m => m.Recall),
        ("specificity", m => m.Specificity),
        ("f1", m => m.F1),
        ("balanced_accuracy", m => m.BalancedAccuracy),
        ("mcc", m => m.Mcc),
        ("n", m => m.N),
        ("positives", m => m.Positives),
    ];

    /// <summary>Every metric name, in a fixed order (ranking, probabilistic, threshold, counts).</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Fields.Select(f => f.Name).ToArray());

    /// <summary>Name → value for every field of <paramref name="m"/> (counts as doubles), in the order of <see cref="All"/>.</summary>
    public static IReadOnlyDictionary<string, double> ToDictionary(MetricSet m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var result = new Dictionary<string, double>(Fields.Length);
        foreach (var (name, read) in Fields) result[name] = read(m);
        return result;
    }
}
