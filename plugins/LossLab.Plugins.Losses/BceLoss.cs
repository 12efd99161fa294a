using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>Binary cross-entropy −[y·log σ(x) + (1 − y)·log(1 − σ(x))], the baseline every other loss is compared with.</summary>
public sealed class BceLoss : LossPlugin
{
    public override string Name => "bce";

    public override string Description => "Binary cross-entropy with logits (unweighted baseline).";

    public override string Formula => "BCE = −[y·log p + (1 − y)·log(1 − p)], p = σ(x)";

    public override bool IsBinaryCrossEntropy => true;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        return Logits.CrossEntropy(logits, targets).MoveToOuterDisposeScope();
    }

    /// <summary>The fused mean reduction of binary_cross_entropy_with_logits.</summary>
    public override Tensor Mean(Tensor logits, Tensor targets, ClassCounts counts) =>
        nn.functional.binary_cross_entropy_with_logits(logits, targets);
}
