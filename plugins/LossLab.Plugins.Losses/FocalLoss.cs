using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>Lin et al. 2017, as torchvision.ops.sigmoid_focal_loss: FL = α_t·CE·(1 − p_t)^γ.</summary>
public sealed class FocalLoss : LossPlugin
{
    public override string Name => "focal";

    public override string Description => "Focal loss (Lin et al. 2017) as torchvision's sigmoid_focal_loss: α_t·CE·(1 − p_t)^γ.";

    public override string Formula => "FL = −α_t·(1 − p_t)^γ·log p_t, α_t = α for positives and 1 − α for negatives";

    [Option("Weight α of positives in [0, 1] (negatives get 1 − α); any negative value turns α weighting off.", Min = -1, Max = 1)]
    public double Alpha { get; set; } = 0.25;

    [Option("Focusing parameter γ ≥ 0; γ = 0 with α off is plain BCE.", Min = 0)]
    public double Gamma { get; set; } = 2;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        return Logits.Focal(logits, targets, Alpha, Gamma).MoveToOuterDisposeScope();
    }
}
