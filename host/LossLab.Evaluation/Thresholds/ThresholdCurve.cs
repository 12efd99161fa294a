namespace LossLab.Evaluation;

/// <summary>
/// Precision, recall and F1 at thresholds evenly spaced on [0, 1] (for plots): at index j, predicting positive
/// when score ≥ Thresholds[j]. Precision is 0 where nothing is predicted positive, F1 0 where TP = 0.
/// </summary>
public sealed record ThresholdCurve(double[] Thresholds, double[] Precision, double[] Recall, double[] F1);
