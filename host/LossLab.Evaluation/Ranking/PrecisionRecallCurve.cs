namespace LossLab.Evaluation;

/// <summary>
/// Precision–recall pairs, in scikit-learn's <c>precision_recall_curve</c> order: <c>Thresholds</c> are the
/// distinct scores increasing; <c>Precision[k]</c>, <c>Recall[k]</c> hold when predicting positive for
/// score ≥ <c>Thresholds[k]</c>; both arrays have one more element, the final point (precision 1, recall 0),
/// which has no threshold.
/// </summary>
/// <param name="Precision">TP/(TP+FP) at each threshold, then 1.</param>
/// <param name="Recall">TP/P at each threshold (non-increasing), then 0; NaN (except the final 0) when P = 0.</param>
/// <param name="Thresholds">The distinct scores, increasing.</param>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds);
