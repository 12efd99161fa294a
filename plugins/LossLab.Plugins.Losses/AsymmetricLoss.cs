using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Losses;

/// <summary>
/// Ridnik et al. 2021 "Asymmetric Loss For Multi-Label Classification", binary form:
/// L₊ = −(1 − p)^{γ₊}·log p for positives; L₋ = −p_m^{γ₋}·log(1 − p_m) for negatives, p_m = max(p − m, 0).
/// </summary>
public sealed class AsymmetricLoss : LossPlugin
{
    public override string Name => "asymmetric";

    public override string Description => "Asymmetric loss (Ridnik et al. 2021): separate focusing for positives and negatives, easy negatives shifted away.";

    public override string Formula => "ASL = −y·(1 − p)^γ₊·log p − (1 − y)·p_m^γ₋·log(1 − p_m), p_m = max(p − m, 0)";

    [Option("Focusing parameter γ₊ for positives.", Min = 0)]
    public double GammaPos { get; set; }

    [Option("Focusing parameter γ₋ for negatives.", Min = 0)]
    public double GammaNeg { get; set; } = 4;

    [Option("Probability margin m: negatives with p ≤ m cost nothing.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Clip { get; set; } = 0.05;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        var positive = Logits.Modulation(logits, GammaPos).mul(nn.functional.logsigmoid(logits)).neg();
        return targets.mul(positive).add(targets.neg().add(1).mul(Negative(logits))).MoveToOuterDisposeScope();
    }

    private Tensor Negative(Tensor logits)
    {
        // m = 0: p^{γ₋} = exp(γ₋·log σ(x)) and log(1 − p) = log σ(−x).
        if (Clip == 0) return Logits.Modulation(logits.neg(), GammaNeg).mul(nn.functional.logsigmoid(logits.neg())).neg();

        // 1 − p_m = σ(−x) + m where p > m. Elsewhere the loss is 0; a placeholder p_m = 1 keeps that branch's
        // gradient finite, since torch.where still multiplies it by zero.
        var probability = sigmoid(logits);
        var shifted = probability.gt(Clip);
        var margin = where(shifted, probability.sub(Clip), ones_like(probability));
        var loss = margin.pow(GammaNeg).mul(sigmoid(logits.neg()).add(Clip).log()).neg();
        return where(shifted, loss, zeros_like(loss));
    }
}
