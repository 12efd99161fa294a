using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>
/// BCE × w_y. Without explicit weights, inverse class frequency in the training split (King and Zeng 2001;
/// scikit-learn class_weight="balanced"): w_c = N / (2·n_c), so each class contributes half of the total weight.
/// </summary>
public sealed class WeightedBceLoss : LossPlugin
{
    public override string Name => "weighted-bce";

    public override string Description => "Binary cross-entropy times a per-class weight (inverse class frequency unless given).";

    public override string Formula => "L = −w_y·[y·log p + (1 − y)·log(1 − p)], w₁ = positive_weight, w₀ = negative_weight (default N/(2·n_y))";

    [Option("Weight of positive examples (> 0). If only negative_weight is given this is 1; if neither, N / (2·positives).", Min = 0)]
    public double? PositiveWeight { get; set; }

    [Option("Weight of negative examples (> 0). If only positive_weight is given this is 1; if neither, N / (2·negatives).", Min = 0)]
    public double? NegativeWeight { get; set; }

    public override IEnumerable<string> Validate()
    {
        if (PositiveWeight == 0) yield return "positive_weight must be greater than 0.";
        if (NegativeWeight == 0) yield return "negative_weight must be greater than 0.";
    }

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        var (negative, positive) = Weights(counts);
        using var scope = NewDisposeScope();
        return Logits.CrossEntropy(logits, targets).mul(Logits.PerClass(targets, negative, positive)).MoveToOuterDisposeScope();
    }

    public override Tensor Mean(Tensor logits, Tensor targets, ClassCounts counts)
    {
        var (negative, positive) = Weights(counts);
        return Logits.WeightedCrossEntropyMean(logits, targets, negative, positive);
    }

    /// <summary>The (negative, positive) weights this instance applies for the given training counts.</summary>
    public (double Negative, double Positive) Weights(ClassCounts counts) => (PositiveWeight, NegativeWeight) switch
    {
        (null, null) => (InverseFrequency(counts.Total, counts.Negatives), InverseFrequency(counts.Total, counts.Positives)),
        var (p, n) => (n ?? 1, p ?? 1),
    };

    /// <summary>N / (2·n_c); a class absent from the split never weighs anything, so it gets 1.</summary>
    private static double InverseFrequency(long total, long count) => count == 0 ? 1 : total / (2.0 * count);
}
