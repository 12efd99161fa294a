namespace LossLab.Evaluation;

/// <summary>The test rows of one seed and every loss's scores on them, for <see cref="PairedBootstrap"/>.</summary>
/// <param name="Seed">The seed (for messages).</param>
/// <param name="Labels">0/1 test labels of this seed.</param>
/// <param name="ScoresByLoss">Per loss, the test scores, same length and order as Labels.</param>
/// <param name="TunedThresholdByLoss">Per loss, the threshold tuned on this seed's validation rows; F1 is taken there.</param>
public sealed record SeedTestSet(
    int Seed,
    int[] Labels,
    IReadOnlyDictionary<string, double[]> ScoresByLoss,
    IReadOnlyDictionary<string, double> TunedThresholdByLoss);
