using LossLab.Abstractions;
using LossLab.Engine.Training;
using LossLab.Plugins.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Models;

[Collection(TorchGeneratorCollection.Name)]
public sealed class ModelTests
{
    private static DatasetInfo Table(int features) => new([features], [.. Enumerable.Range(1, features).Select(i => $"x{i}")], ["n", "p"], "test");

    private static DatasetInfo Images(int channels, int size) => new([channels, size, size], [], ["n", "p"], "test");

    public static TheoryData<string> Plugins => ["logistic", "mlp", "mlp tanh dropout", "mlp gelu", "mlp sigmoid", "mlp leaky_relu", "cnn", "cnn 3 blocks dropout", "cnn no batch norm"];

    private static (ModelPlugin Plugin, DatasetInfo Data) Create(string id) => id switch
    {
        "logistic" => (new LogisticModel(), Table(5)),
        "mlp" => (new MlpModel(), Table(5)),
        "mlp tanh dropout" => (new MlpModel { Hidden = [7], Activation = "tanh", Dropout = 0.3 }, Table(5)),
        "mlp gelu" => (new MlpModel { Hidden = [4, 4, 4], Activation = "gelu" }, Table(5)),
        "mlp sigmoid" => (new MlpModel { Activation = "sigmoid" }, Table(5)),
        "mlp leaky_relu" => (new MlpModel { Activation = "leaky_relu" }, Images(1, 8)),
        "cnn" => (new CnnModel(), Images(1, 16)),
        "cnn 3 blocks dropout" => (new CnnModel { Channels = [4, 8, 8], Dense = 10, Dropout = 0.2 }, Images(3, 24)),
        "cnn no batch norm" => (new CnnModel { Channels = [4, 8], Dense = 6, BatchNorm = false }, Images(1, 12)),
        _ => throw new ArgumentException(id),
    };

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Output_is_one_logit_per_example_and_trains(string id)
    {
        using var scope = NewDisposeScope();
        var (plugin, data) = Create(id);
        Assert.Empty(plugin.Validate());
        manual_seed(3);
        using var model = plugin.Build(data);
        foreach (var batch in new[] { 6, 1 })
        {
            var output = model.forward(randn([batch, .. data.InputShape.Select(d => (long)d)]));
            Assert.Equal([batch], output.shape);
            Assert.Equal(ScalarType.Float32, output.dtype);
        }
        model.forward(randn([4, .. data.InputShape.Select(d => (long)d)])).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        Assert.NotEmpty(model.parameters());
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void The_same_manual_seed_gives_identical_parameters(string id)
    {
        using var scope = NewDisposeScope();
        float[][] Parameters(int seed)
        {
            var (plugin, data) = Create(id);
            manual_seed(seed);
            using var model = plugin.Build(data);
            return [.. model.parameters().Select(p => p.detach().data<float>().ToArray())];
        }
        var first = Parameters(42);
        Assert.Equal(first, Parameters(42));
        Assert.NotEqual(first, Parameters(43));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void The_host_switches_modes_exactly_when_train_and_eval_outputs_differ(string id)
    {
        using var scope = NewDisposeScope();
        var (plugin, data) = Create(id);
        manual_seed(5);
        using var model = plugin.Build(data);
        var x = randn([64, .. data.InputShape.Select(d => (long)d)]);
        using var noGrad = no_grad();
        model.train();
        var training = model.forward(x);
        model.eval();
        var evaluation = model.forward(x);
        Assert.Equal(TrainingModeLayers.Of(model).SwitchModes, !training.allclose(evaluation, rtol: 0, atol: 0));
    }

    [Fact]
    public void Parameters_have_readable_names()
    {
        manual_seed(1);
        using var model = new MlpModel().Build(Table(3));
        Assert.Equal(["layers.linear1.weight", "layers.linear1.bias", "layers.linear2.weight", "layers.linear2.bias", "layers.output.weight", "layers.output.bias"],
            model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Cnn_rejects_tables_and_images_too_small_for_its_blocks()
    {
        Assert.Contains("[10]", Assert.Throws<PluginInputException>(() => new CnnModel().Build(Table(10))).Message);
        Assert.Throws<PluginInputException>(() => new CnnModel { Channels = [4, 4, 4, 4] }.Build(Images(1, 8)));
        Assert.NotEmpty(new CnnModel { Channels = [] }.Validate());
        Assert.NotEmpty(new MlpModel { Hidden = [] }.Validate());
    }
}
