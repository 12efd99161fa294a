using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>
/// Binary-loss building blocks computed from logits x and targets y ∈ {0, 1}, so every value stays finite for
/// |x| ≤ 100 in float32 and float64. With z = x·(2y − 1) the probability of the true class is p_t = σ(z).
/// </summary>
internal static class Logits
{
    /// <summary>CE = −log p_t, as torch.nn.functional.binary_cross_entropy_with_logits(reduction="none").</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets) =>
        nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);

    /// <summary>z = x·(2y − 1): the logit of the true class, so p_t = σ(z) and 1 − p_t = σ(−z).</summary>
    public static Tensor TrueClassLogits(Tensor logits, Tensor targets) => logits.mul(targets.mul(2).sub(1));

    /// <summary>(1 − p_t)^γ = exp(γ·log σ(−z)): no 1 − p cancellation, and no 0^(γ−1) in the gradient when γ &lt; 1.</summary>
    public static Tensor Modulation(Tensor trueClassLogits, double gamma) =>
        nn.functional.logsigmoid(trueClassLogits.neg()).mul(gamma).exp();

    /// <summary>
    /// mean(w_y·CE) in one fused call: w₀·BCE(x, y; pos_weight = w₁/w₀), because torch's pos_weight p gives
    /// −[p·y·log σ(x) + (1 − y)·log σ(−x)], and w₀·(w₁/w₀) = w₁ for positives, w₀ for negatives. Equal to
    /// (CrossEntropy · PerClass).mean() up to float rounding.
    /// </summary>
    public static Tensor WeightedCrossEntropyMean(Tensor logits, Tensor targets, double negative, double positive)
    {
        using var positiveWeight = tensor(positive / negative, logits.dtype, logits.device);
        using var mean = nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: positiveWeight);
        return mean.mul(negative);
    }

    /// <summary>w_y = y·w₁ + (1 − y)·w₀, exactly w₁ or w₀ for y ∈ {0, 1}.</summary>
    public static Tensor PerClass(Tensor targets, double negative, double positive) =>
        targets.mul(positive).add(targets.neg().add(1).mul(negative));

    /// <summary>
    /// Lin et al. 2017 "Focal Loss for Dense Object Detection", as torchvision.ops.sigmoid_focal_loss:
    /// FL = CE·(1 − p_t)^γ, times α_t = α·y + (1 − α)·(1 − y) when α ≥ 0.
    /// </summary>
    public static Tensor Focal(Tensor logits, Tensor targets, double alpha, double gamma)
    {
        var loss = CrossEntropy(logits, targets).mul(Modulation(TrueClassLogits(logits, targets), gamma));
        return alpha >= 0 ? loss.mul(PerClass(targets, 1 - alpha, alpha)) : loss;
    }
}
