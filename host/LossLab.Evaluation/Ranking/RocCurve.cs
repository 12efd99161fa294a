namespace LossLab.Evaluation;

/// <summary>
/// Receiver operating characteristic, as scikit-learn's <c>roc_curve(..., drop_intermediate=False)</c>: point k
/// is (FPR, TPR) when predicting positive for score ≥ <c>Thresholds[k]</c>. The first point is (0, 0) at
/// threshold +∞; thresholds then run through the distinct scores in decreasing order, ending at (1, 1).
/// </summary>
/// <param name="Fpr">False positive rate FP/N (N = number of negatives); NaN everywhere when N = 0.</param>
/// <param name="Tpr">True positive rate TP/P (P = number of positives); NaN everywhere when P = 0.</param>
/// <param name="Thresholds">+∞, then the distinct scores, decreasing.</param>
public sealed record RocCurve(double[] Fpr, double[] Tpr, double[] Thresholds);
