using LossLab.Plugins.Losses;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Losses;

/// <summary>
/// <see cref="LossLab.Abstractions.LossPlugin.Mean"/> is what the engine trains on: it must be the mean of Forward
/// in value and in gradient, whether a loss keeps the default or fuses it.
/// </summary>
public sealed class LossMeanTests
{
    /// <summary>200 logits from N(0, 3²) (seed 7), each with target 0 and with target 1.</summary>
    private static (double[] Logits, double[] Targets) RandomRows()
    {
        var random = new Random(7);
        var grid = Enumerable.Range(0, 200)
            .Select(_ => 3 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        return LossRunner.BothTargets(grid);
    }

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Mean_equals_the_mean_of_Forward_in_value_and_gradient_in_float64(string id)
    {
        var (logits, targets) = RandomRows();
        var (meanValue, meanGradient) = MeanAndGradient(id, logits, targets, fused: true);
        var (forwardValue, forwardGradient) = MeanAndGradient(id, logits, targets, fused: false);
        Assert.True(Math.Abs(meanValue - forwardValue) <= 1e-13 * Math.Max(1, Math.Abs(forwardValue)), $"{id}: Mean {meanValue:R}, Forward().mean() {forwardValue:R}");
        for (var i = 0; i < logits.Length; i++)
            Assert.True(Math.Abs(meanGradient[i] - forwardGradient[i]) <= 1e-15 + 1e-12 * Math.Abs(forwardGradient[i]),
                $"{id} at x={logits[i]}, y={targets[i]}: gradient {meanGradient[i]:R} vs {forwardGradient[i]:R}");
    }

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Mean_is_a_scalar_of_the_input_dtype(string id)
    {
        var (logits, targets) = RandomRows();
        using var scope = NewDisposeScope();
        var mean = LossCase.Get(id).Create().Mean(tensor(logits, ScalarType.Float32), tensor(targets, ScalarType.Float32), LossCase.Counts);
        Assert.Empty(mean.shape);
        Assert.Equal(ScalarType.Float32, mean.dtype);
    }

    [Fact]
    public void Only_bce_declares_itself_binary_cross_entropy()
    {
        Assert.True(new BceLoss().IsBinaryCrossEntropy);
        Assert.All(LossCase.All.Where(c => c.Id != "bce"), c => Assert.False(c.Create().IsBinaryCrossEntropy, c.Id));
    }

    private static (double Value, double[] Gradient) MeanAndGradient(string id, double[] logits, double[] targets, bool fused)
    {
        var loss = LossCase.Get(id).Create();
        using var scope = NewDisposeScope();
        var x = tensor(logits, ScalarType.Float64).requires_grad_(true);
        var y = tensor(targets, ScalarType.Float64);
        var value = fused ? loss.Mean(x, y, LossCase.Counts) : loss.Forward(x, y, LossCase.Counts).mean();
        value.backward();
        return (value.item<double>(), x.grad!.data<double>().ToArray());
    }
}
