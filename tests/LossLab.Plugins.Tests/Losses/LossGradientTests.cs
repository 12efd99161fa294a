using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Losses;

public sealed class LossGradientTests
{
    private static readonly double[] Grid = [-7.5, -4.5, -2.2, -1.3, -0.6, -0.05, 0.4, 1.1, 2.6, 4.2, 7.9];

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Autograd_matches_central_finite_differences_in_float64(string id)
    {
        const double h = 1e-6;
        var loss = LossCase.Get(id).Create();
        var (logits, targets) = LossRunner.BothTargets(Grid);
        var (values, gradients) = LossRunner.WithGradients(loss, logits, targets);
        var above = LossRunner.Values(loss, [.. logits.Select(x => x + h)], targets);
        var below = LossRunner.Values(loss, [.. logits.Select(x => x - h)], targets);
        for (var i = 0; i < logits.Length; i++)
        {
            var numeric = (above[i] - below[i]) / (2 * h);
            Assert.True(Math.Abs(gradients[i] - numeric) <= 1e-7 * Math.Max(1, Math.Abs(values[i])),
                $"{id} at x={logits[i]}, y={targets[i]}: autograd {gradients[i]:R}, finite difference {numeric:R}");
        }
    }

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Extreme_logits_give_finite_values_and_gradients(string id)
    {
        var (logits, targets) = LossRunner.BothTargets(-100, -30, 30, 100);
        foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            var (values, gradients) = LossRunner.WithGradients(LossCase.Get(id).Create(), logits, targets, type);
            for (var i = 0; i < logits.Length; i++)
            {
                Assert.True(double.IsFinite(values[i]) && values[i] >= -1e-6, $"{id} {type} at x={logits[i]}, y={targets[i]}: loss {values[i]}");
                Assert.True(double.IsFinite(gradients[i]), $"{id} {type} at x={logits[i]}, y={targets[i]}: gradient {gradients[i]}");
            }
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Confidently_wrong_bce_costs_the_logit_and_has_unit_slope(ScalarType type)
    {
        double[] logits = [100, -100, 30], targets = [0, 1, 0];
        var (values, gradients) = LossRunner.WithGradients(new LossLab.Plugins.Losses.BceLoss(), logits, targets, type);
        Assert.Equal([100.0, 100.0, 30.0], values, (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.Equal([1.0, -1.0, 1.0], gradients, (a, b) => Math.Abs(a - b) < 1e-6);
    }
}
