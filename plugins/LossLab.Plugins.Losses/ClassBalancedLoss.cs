using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>
/// Cui et al. 2019 "Class-Balanced Loss Based on Effective Number of Samples": w_c = (1 − β)/(1 − β^{n_c}),
/// normalised so that w₀ + w₁ = 2, times a BCE or focal base loss. β = 0 gives w = 1; β → 1 tends to 1/n_c.
/// </summary>
public sealed class ClassBalancedLoss : LossPlugin
{
    public override string Name => "class-balanced";

    public override string Description => "Class-balanced loss (Cui et al. 2019): BCE or focal weighted by the inverse effective number of samples.";

    public override string Formula => "CB = w_y·L_base (BCE or focal), w_c ∝ (1 − β)/(1 − β^n_c), w₀ + w₁ = 2";

    [Option("β of the effective number (1 − β^n)/(1 − β); 0 means no reweighting.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Beta { get; set; } = 0.999;

    [Option("Loss that is reweighted.", Choices = ["bce", "focal"])]
    public string Base { get; set; } = "bce";

    [Option("Focal α when base is focal (negative: off).", Min = -1, Max = 1)]
    public double Alpha { get; set; } = 0.25;

    [Option("Focal γ when base is focal.", Min = 0)]
    public double Gamma { get; set; } = 2;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        var (negative, positive) = Weights(counts);
        using var scope = NewDisposeScope();
        var loss = Base == "focal" ? Logits.Focal(logits, targets, Alpha, Gamma) : Logits.CrossEntropy(logits, targets);
        return loss.mul(Logits.PerClass(targets, negative, positive)).MoveToOuterDisposeScope();
    }

    /// <summary>Fused for the BCE base (<see cref="Logits.WeightedCrossEntropyMean"/>); focal has no fused form.</summary>
    public override Tensor Mean(Tensor logits, Tensor targets, ClassCounts counts)
    {
        if (Base == "focal") return base.Mean(logits, targets, counts);
        var (negative, positive) = Weights(counts);
        return Logits.WeightedCrossEntropyMean(logits, targets, negative, positive);
    }

    /// <summary>The normalised (negative, positive) weights for the given training counts.</summary>
    public (double Negative, double Positive) Weights(ClassCounts counts)
    {
        double negative = InverseEffectiveNumber(counts.Negatives), positive = InverseEffectiveNumber(counts.Positives);
        var scale = 2 / (negative + positive);
        return (negative * scale, positive * scale);
    }

    /// <summary>(1 − β)/(1 − β^n); an absent class (n = 0) counts as one example, its weight never applies anyway.</summary>
    private double InverseEffectiveNumber(long count) => (1 - Beta) / (1 - Math.Pow(Beta, Math.Max(count, 1)));
}
