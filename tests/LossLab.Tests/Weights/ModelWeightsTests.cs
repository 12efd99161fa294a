using LossLab.Engine.Weights;
using LossLab.Evaluation;
using static TorchSharp.torch;

namespace LossLab.Tests.Weights;

/// <summary>
/// The weights loader against PyTorch: state_dicts written by PyTorch 1.13 (torch.save and safetensors) give
/// PyTorch's own logits in TorchSharp, heads that do not fit are kept fresh and reported, and files that do not fit
/// the model are refused naming the file, the key and both shapes.
/// </summary>
public sealed class ModelWeightsTests
{
    private static readonly string[] TinyKeys =
    [
        "conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
        "layer1.0.weight", "layer1.0.bias", "layer1.1.weight", "layer1.1.bias", "layer1.1.running_mean", "layer1.1.running_var",
        "layer1.1.num_batches_tracked", "fc.weight", "fc.bias",
    ];

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("tiny.pt", "pytorch")]
    [InlineData("tiny.safetensors", "safetensors")]
    public void A_PyTorch_state_dict_gives_PyTorchs_logits(string file, string format)
    {
        using var scope = NewDisposeScope();
        var (input, expected) = WeightsFixtures.Reference();
        using var model = TinyNet.Create();
        // TorchSharp lists parameters before buffers, PyTorch module by module: the same keys, another order.
        Assert.Equal(Sorted(TinyKeys), Sorted(model.state_dict().Keys));

        var loaded = ModelWeights.LoadInto(model, WeightsFixtures.Path(file), "fc.");

        Assert.Equal(format, loaded.Format);
        Assert.Equal(Sorted(TinyKeys), Sorted(loaded.Loaded));
        Assert.Empty(loaded.New);
        Assert.Empty(loaded.Skipped);
        Assert.Equal(FileHash.Of(WeightsFixtures.Path(file)), loaded.Sha256);
        var actual = WeightsFixtures.Logits(model, input);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5, $"logit {i}: PyTorch {expected[i]}, TorchSharp {actual[i]}");
        // The batch-norm step counter is an int64 buffer in both.
        Assert.Equal(3L, model.state_dict()["bn1.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void TorchSharps_own_format_reads_back_the_same_weights()
    {
        using var scope = NewDisposeScope();
        using var temp = new TempFolder();
        var (input, expected) = WeightsFixtures.Reference();
        using var fromPyTorch = TinyNet.Create();
        ModelWeights.LoadInto(fromPyTorch, WeightsFixtures.Path("tiny.pt"));
        var saved = Path.Combine(temp.Path, "tiny.dat");
        fromPyTorch.save(saved);

        using var model = TinyNet.Create();
        var loaded = ModelWeights.LoadInto(model, saved);

        Assert.Equal("torchsharp", loaded.Format);
        Assert.Equal(Sorted(TinyKeys), Sorted(loaded.Loaded));
        using var file = WeightsFile.Read(saved);
        Assert.Equal(Sorted(TinyKeys), Sorted(file.Entries.Select(e => e.Key)));
        Assert.Equal(ScalarType.Int64, file.Entries.Single(e => e.Key == "bn1.num_batches_tracked").Value.dtype);
        var actual = WeightsFixtures.Logits(model, input);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5, $"logit {i}: PyTorch {expected[i]}, TorchSharp {actual[i]}");
    }

    [Fact]
    public void A_head_that_does_not_fit_is_skipped_and_the_built_head_kept()
    {
        using var scope = NewDisposeScope();
        using var model = TinyNet.Create();
        var headBefore = model.state_dict()["fc.weight"].clone();
        using var file = WeightsFile.Read(WeightsFixtures.Path("tiny-head10.pt"));

        var loaded = ModelWeights.LoadInto(model, WeightsFixtures.Path("tiny-head10.pt"), "fc.");

        Assert.Equal(Sorted(TinyKeys[..^2]), Sorted(loaded.Loaded));
        Assert.Equal(["fc.weight", "fc.bias"], loaded.New);
        Assert.Equal(["fc.bias", "fc.weight"], loaded.Skipped.Select(s => s.Key).Order(StringComparer.Ordinal));
        var skippedWeight = loaded.Skipped.Single(s => s.Key == "fc.weight");
        Assert.Equal([10L, 6L], skippedWeight.FileShape);
        Assert.Equal([1L, 6L], skippedWeight.ModelShape);
        Assert.True(model.state_dict()["fc.weight"].allclose(headBefore, rtol: 0, atol: 0));
        file.TryGetValue("layer1.0.weight", out var fromFile);
        Assert.True(model.state_dict()["layer1.0.weight"].allclose(fromFile, rtol: 0, atol: 0));
    }

    [Fact]
    public void Without_a_head_prefix_a_head_that_does_not_fit_is_an_error_naming_key_and_shapes()
    {
        using var model = TinyNet.Create();
        var path = WeightsFixtures.Path("tiny-head10.pt");
        var e = Assert.Throws<InvalidInputException>(() => ModelWeights.LoadInto(model, path));
        Assert.Contains(path, e.Message);
        Assert.Contains("key 'fc.weight' has shape [10, 6] in the file but [1, 6] in the model", e.Message);
    }

    [Fact]
    public void A_one_channel_model_refuses_a_three_channel_file_naming_file_key_and_shapes()
    {
        using var model = TinyNet.Create(channels: 1);
        var before = model.state_dict()["bn1.weight"].clone();
        var path = WeightsFixtures.Path("tiny.pt");
        var e = Assert.Throws<InvalidInputException>(() => ModelWeights.LoadInto(model, path, "fc."));
        Assert.Contains(path, e.Message);
        Assert.Contains("key 'conv1.weight' has shape [4, 3, 3, 3] in the file but [4, 1, 3, 3] in the model (input channels: 3 in the file, 1 in the model)", e.Message);
        Assert.True(model.state_dict()["bn1.weight"].allclose(before, rtol: 0, atol: 0), "nothing is copied when the file does not fit");
    }

    [Fact]
    public void Frozen_parameters_stay_frozen_after_loading()
    {
        using var model = TinyNet.Create();
        foreach (var (name, p) in model.named_parameters()) if (!name.StartsWith("fc.")) p.requires_grad = false;
        ModelWeights.LoadInto(model, WeightsFixtures.Path("tiny.pt"), "fc.");
        Assert.Equal(["fc.weight", "fc.bias"], model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name));
    }

    [Fact]
    public void A_training_checkpoint_is_not_a_state_dict()
    {
        var path = WeightsFixtures.Path("checkpoint.pt");
        var e = Assert.Throws<InvalidInputException>(() => WeightsFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a bare state_dict", e.Message);
        Assert.Contains("torch.save(model.state_dict(), path)", e.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("text")]
    [InlineData("legacy")]
    [InlineData("truncated")]
    public void A_file_that_is_no_weights_file_is_refused_naming_it(string kind)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "weights.pt");
        switch (kind)
        {
            case "text": File.WriteAllText(path, "these are not weights\n"); break;
            case "legacy": File.WriteAllBytes(path, [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46]); break;
            case "truncated": File.WriteAllBytes(path, File.ReadAllBytes(WeightsFixtures.Path("tiny.pt"))[..2000]); break;
        }
        var e = Assert.Throws<InvalidInputException>(() => WeightsFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(kind switch { "missing" => "not found", "legacy" => "legacy", "truncated" => "PyTorch", _ => "TorchSharp" }, e.Message);
    }

    /// <summary>Regression: 256 entries make TorchSharp's LEB128 count 0x80 0x02, the first two bytes of a legacy pickle too.</summary>
    [Fact]
    public void A_TorchSharp_file_of_256_entries_is_not_taken_for_a_legacy_pickle()
    {
        using var scope = NewDisposeScope();
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "many.dat");
        var state = Enumerable.Range(0, 256).ToDictionary(i => $"w{i}", i => full(2, (float)i));
        using (var writer = new BinaryWriter(File.Create(path))) nn.Module.save_state_dict(writer, state);

        using var file = WeightsFile.Read(path);

        Assert.Equal(WeightsFormat.TorchSharp, file.Format);
        Assert.Equal(256, file.Count);
        file.TryGetValue("w255", out var last);
        Assert.Equal(255f, last[1].item<float>());
    }
}
