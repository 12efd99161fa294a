using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// A loss plugin as the trainer calls it: <see cref="LossPlugin.Mean"/>, after checking once, on the first batch,
/// that <see cref="LossPlugin.Forward"/> keeps one value per example and that Mean is a scalar. Once is enough for
/// the contract and spares every later step the per-example Forward that a fused Mean avoids.
/// </summary>
internal sealed class CheckedLoss(LossPlugin plugin)
{
    private bool _checked;

    public LossPlugin Plugin => plugin;

    public Tensor Mean(Tensor logits, Tensor targets, ClassCounts counts)
    {
        if (!_checked) CheckForward(logits, targets, counts);
        var mean = plugin.Mean(logits, targets, counts);
        if (!_checked && mean.shape.Length != 0)
            throw new InvalidOperationException($"Mean returned shape [{string.Join(", ", mean.shape)}]; expected a scalar (the mean of Forward)");
        // Checked before backward(), which would fail inside libtorch with a native stack trace instead.
        if (!_checked && torch.is_grad_enabled() && !mean.requires_grad)
            throw new InvalidOperationException("the loss returned a tensor that does not require grad: compute it from the logits with tensor operations (no .item(), .detach(), new tensors or no_grad blocks), so that gradients can flow back to the model");
        _checked = true;
        return mean;
    }

    private void CheckForward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var perExample = plugin.Forward(logits, targets, counts);
        if (perExample.shape.Length != 1 || perExample.shape[0] != logits.shape[0])
            throw new InvalidOperationException($"Forward returned shape [{string.Join(", ", perExample.shape)}]; expected [{logits.shape[0]}] (one value per example)");
    }
}
