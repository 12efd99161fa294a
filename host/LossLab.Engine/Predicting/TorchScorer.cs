using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Predicting;

/// <summary>A TorchSharp module in eval mode, scored without gradients, each batch in its own dispose scope.</summary>
public sealed class TorchScorer(nn.Module<Tensor, Tensor> module) : IScorer
{
    public double[] Logits(float[] features, int rows, int[] inputShape)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var length = inputShape.Aggregate(1, (a, b) => a * b);
        var x = tensor(features.AsSpan(0, rows * length).ToArray(), [rows, .. inputShape.Select(d => (long)d)], ScalarType.Float32);
        var logits = module.call(x);
        if (logits.numel() != rows)
            throw new InvalidOperationException($"the model returned {logits.numel()} values for {rows} rows; a binary classifier gives one logit per row");
        return Training.Trainer.ToDoubles(logits);
    }

    public static TorchScorer InEvalMode(nn.Module<Tensor, Tensor> module)
    {
        module.eval();
        return new TorchScorer(module);
    }

    public void Dispose() => module.Dispose();
}
