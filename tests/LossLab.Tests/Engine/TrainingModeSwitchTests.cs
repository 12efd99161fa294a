using LossLab.Abstractions;
using LossLab.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

public sealed class TrainingModeSwitchTests
{
    private static readonly DatasetInfo Table = new([3], ["a", "b", "c"], ["n", "p"], "test");

    /// <summary>Says the mode does not matter, and builds a dropout layer anyway.</summary>
    private sealed class WronglyModeFreeModel : ModelPlugin
    {
        public override string Name => "wrongly-mode-free";
        public override string Description => "dropout, declared mode-free (test only)";
        public override bool TrainingModeMatters => false;
        public override nn.Module<Tensor, Tensor> Build(DatasetInfo data) =>
            nn.Sequential(("linear", nn.Linear(data.RowLength, 1)), ("dropout", nn.Dropout(0.5)), ("flat", nn.Flatten(0)));
    }

    /// <summary>Overrides nothing: the host must assume the mode matters.</summary>
    private sealed class PlainModel : ModelPlugin
    {
        public override string Name => "plain";
        public override string Description => "linear (test only)";
        public override nn.Module<Tensor, Tensor> Build(DatasetInfo data) =>
            nn.Sequential(("linear", nn.Linear(data.RowLength, 1)), ("flat", nn.Flatten(0)));
    }

    private sealed class ModeFreeModel : ModelPlugin
    {
        public override string Name => "mode-free";
        public override string Description => "linear, declared mode-free (test only)";
        public override bool TrainingModeMatters => false;
        public override nn.Module<Tensor, Tensor> Build(DatasetInfo data) =>
            nn.Sequential(("linear", nn.Linear(data.RowLength, 1)), ("relu", nn.ReLU()), ("flat", nn.Flatten(0)));
    }

    [Fact]
    public void A_plugin_that_keeps_the_default_switches_modes()
    {
        var plugin = new PlainModel();
        using var model = plugin.Build(Table);
        Assert.True(TrainingModeSwitch.Needed(plugin, model));
    }

    [Fact]
    public void A_mode_free_plugin_without_mode_dependent_layers_does_not()
    {
        var plugin = new ModeFreeModel();
        using var model = plugin.Build(Table);
        Assert.False(TrainingModeSwitch.Needed(plugin, model));
    }

    [Fact]
    public void A_dropout_layer_makes_the_host_switch_whatever_the_plugin_says()
    {
        var plugin = new WronglyModeFreeModel();
        using var model = plugin.Build(Table);
        Assert.True(TrainingModeSwitch.Needed(plugin, model));
    }

    [Fact]
    public void TorchSharp_layers_are_classified_by_what_they_do_in_eval()
    {
        using var scope = NewDisposeScope();
        Assert.True(TrainingModeSwitch.IsModeDependentLayer(nn.Dropout(0.1)));
        Assert.True(TrainingModeSwitch.IsModeDependentLayer(nn.AlphaDropout(0.1)));
        Assert.True(TrainingModeSwitch.IsModeDependentLayer(nn.BatchNorm1d(4)));
        Assert.True(TrainingModeSwitch.IsModeDependentLayer(nn.LSTM(4, 4)));
        Assert.False(TrainingModeSwitch.IsModeDependentLayer(nn.Linear(4, 1)));
        Assert.False(TrainingModeSwitch.IsModeDependentLayer(nn.ReLU()));
        Assert.False(TrainingModeSwitch.IsModeDependentLayer(nn.Conv2d(1, 2, 3)));
    }
}
