using LossLab.Engine.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>
/// TrainingModeLayers' rule for frozen normalisation layers (a frozen backbone's batch norms): a norm whose own
/// parameters all have requires_grad = false stays in eval() when the model trains, so its running statistics do
/// not move, and it no longer counts as mode-dependent; a partly frozen or parameter-free norm is not frozen.
/// </summary>
public sealed class FrozenNormalisationTests
{
    private static (Sequential Model, BatchNorm1d Norm) Model(bool freezeWeight, bool freezeBias, bool affine = true)
    {
        BatchNorm1d norm = null!;
        Sequential model = null!;
        // Under the engine's generator lock: other tests' seeded builds run in parallel with this one.
        InitialWeights.WithTorchRandom(() =>
        {
            norm = nn.BatchNorm1d(4, affine: affine);
            model = nn.Sequential(("linear", nn.Linear(3, 4)), ("norm", norm), ("output", nn.Linear(4, 1)));
        });
        if (affine)
        {
            norm.weight!.requires_grad = !freezeWeight;
            norm.bias!.requires_grad = !freezeBias;
        }
        return (model, norm);
    }

    [Fact]
    public void A_fully_frozen_norm_stays_in_eval_and_keeps_its_running_statistics()
    {
        using var scope = NewDisposeScope();
        var (model, norm) = Model(freezeWeight: true, freezeBias: true);
        var layers = TrainingModeLayers.Of(model);
        Assert.Equal(["norm"], layers.Frozen);
        Assert.Empty(layers.ModeDependent);
        Assert.False(layers.SwitchModes);

        layers.Train(model);
        Assert.True(model.training);
        Assert.False(norm.training);
        var before = norm.running_mean!.clone();
        model.call(randn(16, 3, generator: new Generator(8)) * 3 + 2);
        Assert.True(norm.running_mean!.allclose(before, rtol: 0, atol: 0));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    [InlineData(false, false, false)]
    public void A_partly_frozen_or_parameter_free_norm_trains_with_the_model(bool freezeWeight, bool freezeBias, bool affine)
    {
        using var scope = NewDisposeScope();
        var (model, norm) = Model(freezeWeight, freezeBias, affine);
        var layers = TrainingModeLayers.Of(model);
        Assert.Empty(layers.Frozen);
        Assert.Equal(["norm"], layers.ModeDependent);

        layers.Train(model);
        Assert.True(norm.training);
        var before = norm.running_mean!.clone();
        model.call(randn(16, 3, generator: new Generator(8)) * 3 + 2);
        Assert.False(norm.running_mean!.allclose(before, rtol: 0, atol: 0));
    }
}
