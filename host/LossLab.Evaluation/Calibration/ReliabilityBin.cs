namespace LossLab.Evaluation;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Lower">Lower edge: b/B for equal-width bins; the smallest score in the bin for equal-count bins.</param>
/// <param name="Upper">Upper edge: (b+1)/B for equal-width bins; the largest score in the bin for equal-count bins.</param>
/// <param name="Count">Number of scores in the bin.</param>
/// <param name="MeanScore">Mean score (mean predicted probability) of the bin; NaN when the bin is empty.</param>
/// <param name="FractionPositive">Fraction of labels equal to 1 in the bin; NaN when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanScore, double FractionPositive);
