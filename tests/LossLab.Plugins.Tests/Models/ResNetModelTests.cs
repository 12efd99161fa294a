using LossLab.Abstractions;
using LossLab.Engine.Training;
using LossLab.Engine.Weights;
using LossLab.Evaluation;
using LossLab.Plugins.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Models;

/// <summary>
/// The resnet plugin against torchvision: its state-dict keys and shapes are those of torchvision's ImageNet
/// models (lists written by tests/Fixtures/Weights/make_fixtures.py with torchvision 0.14) but for the one-logit fc,
/// so ImageNet checkpoints load through the host's loader; and freezing the backbone leaves only fc training.
/// </summary>
[Collection(TorchGeneratorCollection.Name)]
public sealed class ResNetModelTests
{
    private static DatasetInfo Images(int channels, int size) => new([channels, size, size], [], ["n", "p"], "test");

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LossLab.sln"))) return Path.Combine(dir.FullName, "tests", "Fixtures", "Weights", name);
        throw new InvalidOperationException("no LossLab.sln above the test folder");
    }

    /// <summary>key → (dtype, shape) from a committed list.</summary>
    private static Dictionary<string, (string DType, long[] Shape)> TorchvisionKeys(string arch) =>
        File.ReadLines(Fixture($"{arch}-keys.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (p[1], p[2].Length == 0 ? Array.Empty<long>() : p[2].Split(',').Select(long.Parse).ToArray()));

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    [InlineData("resnet101")]
    public void Keys_and_shapes_are_torchvisions_with_a_one_logit_fc(string arch)
    {
        var expected = TorchvisionKeys(arch);
        manual_seed(1);
        using var model = new ResNetModel { Arch = arch }.Build(Images(3, 32));
        var state = model.state_dict();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, (dtype, shape)) in expected)
        {
            // ImageNet's fc is [1000, features] and [1000]; ours has one output.
            var want = key.StartsWith("fc.") ? [1, .. shape[1..]] : shape;
            Assert.True(want.AsSpan().SequenceEqual(state[key].shape), $"{arch} {key}: torchvision [{string.Join(", ", want)}], ours [{string.Join(", ", state[key].shape)}]");
            Assert.Equal(dtype == "int64" ? ScalarType.Int64 : ScalarType.Float32, state[key].dtype);
        }
    }

    [Fact]
    public void One_channel_images_get_a_one_channel_conv1_and_one_logit_each()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new ResNetModel { Dropout = 0.3 }.Build(Images(1, 28));
        Assert.Equal([64L, 1, 7, 7], model.state_dict()["conv1.weight"].shape);
        var logits = model.call(randn(3, 1, 28, 28));
        Assert.Equal([3L], logits.shape);
        Assert.Equal(["dropout"], TrainingModeLayers.Of(model).Random);
    }

    [Fact]
    public void A_frozen_backbone_trains_only_fc_and_keeps_its_batch_norms_in_eval()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new ResNetModel { Freeze = "backbone" }.Build(Images(3, 32));
        var layers = TrainingModeLayers.Of(model);
        Assert.Equal(20, layers.Frozen.Count); // resnet18: bn1, 2 per basic block × 8, 3 downsample norms
        Assert.Empty(layers.ModeDependent);

        var statistics = model.state_dict()["layer2.0.bn1.running_mean"].clone();
        layers.Train(model);
        Assert.True(model.training);
        model.call(randn(4, 3, 32, 32)).sum().backward();

        Assert.Equal(["fc.weight", "fc.bias"], model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name));
        Assert.All(model.named_parameters().Where(p => !p.name.StartsWith("fc.")), p => Assert.Null(p.parameter.grad));
        Assert.True(model.state_dict()["layer2.0.bn1.running_mean"].allclose(statistics, rtol: 0, atol: 0), "a frozen batch norm keeps its running statistics");
    }

    [Fact]
    public void Without_freezing_every_batch_norm_trains()
    {
        manual_seed(3);
        using var model = new ResNetModel().Build(Images(3, 32));
        var layers = TrainingModeLayers.Of(model);
        Assert.Empty(layers.Frozen);
        Assert.Equal(20, layers.ModeDependent.Count);
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void An_ImageNet_checkpoint_loads_all_but_fc_which_stays_seeded()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "imagenet-resnet18.safetensors");
        using (var imagenet = torchvision.models.resnet18(num_classes: 1000)) imagenet.save_safetensors(path);
        var plugin = new ResNetModel { Weights = path };
        manual_seed(5);
        using var model = plugin.Build(Images(3, 32));
        var head = model.state_dict()["fc.weight"].clone();

        var loaded = ModelWeights.LoadInto(model, plugin.Pretrained!.Path, plugin.Pretrained.HeadPrefix);

        Assert.Equal("safetensors", loaded.Format);
        Assert.Equal(TorchvisionKeys("resnet18").Count - 2, loaded.Loaded.Count);
        Assert.Equal(["fc.weight", "fc.bias"], loaded.New);
        Assert.Equal([1000L, 512], loaded.Skipped.Single(s => s.Key == "fc.weight").FileShape);
        Assert.True(model.state_dict()["fc.weight"].allclose(head, rtol: 0, atol: 0));
        using var file = WeightsFile.Read(path);
        file.TryGetValue("layer4.1.conv2.weight", out var fromFile);
        Assert.True(model.state_dict()["layer4.1.conv2.weight"].allclose(fromFile, rtol: 0, atol: 0));
    }

    [Fact]
    public void Weights_of_another_architecture_are_refused_naming_the_first_key()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "resnet34.dat");
        using (var other = new ResNetModel { Arch = "resnet34" }.Build(Images(3, 32))) other.save(path);
        using var model = new ResNetModel { Arch = "resnet18" }.Build(Images(3, 32));

        var e = Assert.Throws<InvalidInputException>(() => ModelWeights.LoadInto(model, path, "fc."));

        Assert.Contains(path, e.Message);
        Assert.Contains("the file's key 'layer1.2.conv1.weight' of shape [64, 64, 3, 3] is not in the model", e.Message);
    }

    [Fact]
    public void A_one_channel_model_refuses_a_three_channel_checkpoint()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "rgb.pt");
        using (var rgb = new ResNetModel().Build(Images(3, 32))) rgb.save_py(path);
        using var grey = new ResNetModel().Build(Images(1, 32));

        var e = Assert.Throws<InvalidInputException>(() => ModelWeights.LoadInto(grey, path, "fc."));

        Assert.Contains(path, e.Message);
        Assert.Contains("key 'conv1.weight' has shape [64, 3, 7, 7] in the file but [64, 1, 7, 7] in the model (input channels: 3 in the file, 1 in the model)", e.Message);
    }
}
