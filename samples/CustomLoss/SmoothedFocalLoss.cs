using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Samples.CustomLoss;

/// <summary>
/// Focal loss on label-smoothed targets. Smoothing (Szegedy et al. 2016, "Rethinking the Inception Architecture",
/// with two classes): y' = y·(1 − ε) + ε/2. Then torchvision.ops.sigmoid_focal_loss(x, y', α, γ) (Lin et al. 2017):
/// L = α_t · CE · (1 − p_t)^γ, where CE = −[y'·log σ(x) + (1 − y')·log σ(−x)] is binary_cross_entropy_with_logits,
/// 1 − p_t = y'·σ(−x) + (1 − y')·σ(x), and α_t = α·y' + (1 − α)·(1 − y') when α ≥ 0 (no α_t when α &lt; 0).
/// (1 − p_t)^γ is exp(γ·logaddexp(log y' + log σ(−x), log(1 − y') + log σ(x))): from logits, so |x| = 100 stays finite.
/// </summary>
public sealed class SmoothedFocalLoss : LossPlugin
{
    public override string Name => "smoothed-focal";

    public override string Description => "Focal loss (Lin et al. 2017) on label-smoothed targets y·(1 − ε) + ε/2.";

    public override string Formula => "L = α_t·(1 − p_t)^γ·BCE(x, y'), y' = y·(1 − ε) + ε/2";

    [Option("Label smoothing ε: targets become y·(1 − ε) + ε/2; 0 is plain focal loss.", Min = 0, Max = 0.5, MaxExclusive = true)]
    public double Smoothing { get; set; } = 0.05;

    [Option("Focusing parameter γ ≥ 0; 0 with α off is BCE on smoothed targets.", Min = 0)]
    public double Gamma { get; set; } = 2;

    [Option("Weight α of the positive target (negatives get 1 − α); any negative value turns α weighting off.", Min = -1, Max = 1)]
    public double Alpha { get; set; } = 0.25;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        var smoothed = targets.mul(1 - Smoothing).add(Smoothing / 2);
        var crossEntropy = nn.functional.binary_cross_entropy_with_logits(logits, smoothed, reduction: nn.Reduction.None);
        var logOneMinusPt = logaddexp(smoothed.log().add(nn.functional.logsigmoid(logits.neg())),
            smoothed.neg().log1p().add(nn.functional.logsigmoid(logits)));
        var loss = crossEntropy.mul(logOneMinusPt.mul(Gamma).exp());
        // α_t = α·y' + (1 − α)·(1 − y') = (2α − 1)·y' + 1 − α
        return (Alpha >= 0 ? loss.mul(smoothed.mul(2 * Alpha - 1).add(1 - Alpha)) : loss).MoveToOuterDisposeScope();
    }
}
