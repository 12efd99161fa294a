namespace LossLab.Evaluation.Results;

/// <summary>
/// Every metric of one set of scores: ranking and probabilistic metrics (threshold-free) and the confusion-matrix
/// metrics at <see cref="Threshold"/> (positive when score ≥ threshold). Definitions follow scikit-learn.
/// </summary>
public sealed record MetricSet
{
    public int N { get; init; }
    public int Positives { get; init; }
    public double RocAuc { get; init; }
    public double AveragePrecision { get; init; }
    public double Brier { get; init; }
    public double LogLoss { get; init; }
    public double Ece { get; init; }
    public double Mce { get; init; }
    public double Threshold { get; init; }
    public int Tp { get; init; }
    public int Fp { get; init; }
    public int Tn { get; init; }
    public int Fn { get; init; }
    public double Accuracy { get; init; }
    public double Precision { get; init; }
    public double Recall { get; init; }
    public double Specificity { get; init; }
    public double F1 { get; init; }
    public double BalancedAccuracy { get; init; }
    public double Mcc { get; init; }

    /// <summary>The confusion matrix at <see cref="Threshold"/>, for reading other metrics from it.</summary>
    internal ConfusionCounts Counts => new(Tp, Fp, Tn, Fn);
}
