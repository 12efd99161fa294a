using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>Leng et al. 2022 "PolyLoss", Poly-1 on BCE: CE + ε·(1 − p_t).</summary>
public sealed class Poly1Loss : LossPlugin
{
    public override string Name => "poly1";

    public override string Description => "Poly-1 loss (Leng et al. 2022): BCE + ε·(1 − p_t).";

    public override string Formula => "Poly-1 = −log p_t + ε·(1 − p_t)";

    [Option("Coefficient ε of the first polynomial term (ε ≥ −1; 0 is plain BCE).", Min = -1)]
    public double Epsilon { get; set; } = 1;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        var oneMinusTrueProbability = sigmoid(Logits.TrueClassLogits(logits, targets).neg());
        return Logits.CrossEntropy(logits, targets).add(oneMinusTrueProbability.mul(Epsilon)).MoveToOuterDisposeScope();
    }
}
