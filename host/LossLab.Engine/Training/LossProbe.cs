using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Any loss plugin's per-example value and d(loss_i)/d(logit_i), by autograd in float64. Because loss_i depends
/// only on logit_i (the per-example contract), the gradient of Σ loss_i with respect to logit_i is that row's own
/// derivative.
/// </summary>
public static class LossProbe
{
    public sealed record Values(double[] Loss, double[] Grad);

    public static Values Evaluate(LossPlugin loss, double[] logits, double[] targets, ClassCounts counts)
    {
        if (logits.Length != targets.Length) throw new ArgumentException("logits and targets differ in length");
        using var scope = NewDisposeScope();
        var x = tensor(logits, ScalarType.Float64).requires_grad_(true);
        var y = tensor(targets, ScalarType.Float64);
        var perExample = loss.Forward(x, y, counts);
        if (perExample.shape.Length != 1 || perExample.shape[0] != logits.Length)
            throw new InvalidOperationException($"{loss.Name}: Forward returned shape [{string.Join(", ", perExample.shape)}]; expected [{logits.Length}]");
        perExample.sum().backward();
        var grad = x.grad ?? throw new InvalidOperationException($"{loss.Name}: the loss does not depend on the logits (no gradient)");
        return new Values(Trainer.ToDoubles(perExample), Trainer.ToDoubles(grad));
    }
}
