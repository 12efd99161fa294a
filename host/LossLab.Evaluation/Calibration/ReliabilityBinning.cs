namespace LossLab.Evaluation;

/// <summary>How <see cref="Calibration.Reliability"/> splits the scores into bins.</summary>
public enum ReliabilityBinning
{
    /// <summary>B bins of width 1/B on [0, 1]: bin b holds [b/B, (b+1)/B), the last also holds 1.0. Bins may be empty.</summary>
    EqualWidth,
    /// <summary>
    /// min(B, n) bins of consecutive scores in increasing order, sizes ⌊n/B⌋ or ⌈n/B⌉ (bin b holds sorted
    /// positions ⌊b·n/B⌋ … ⌊(b+1)·n/B⌋ − 1). Equal scores may fall on both sides of a boundary.
    /// </summary>
    EqualCount,
}
