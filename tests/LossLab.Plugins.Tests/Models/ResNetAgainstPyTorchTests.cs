using System.Text.Json;
using LossLab.Abstractions;
using LossLab.Engine.Weights;
using LossLab.Plugins.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Models;

/// <summary>
/// Whole resnet18 and resnet50 against torchvision 0.14 / PyTorch 1.13: every parameter and buffer comes from
/// <see cref="FormulaWeights"/>, is written to a checkpoint (PyTorch's zip format for resnet18, safetensors for
/// resnet50), loaded into a freshly seeded plugin model through the engine's loader, and the logits for the formula's
/// input batch must be PyTorch's (tests/Fixtures/Weights/resnet-formula-reference.json, written by
/// make_resnet_reference.py): in eval mode (running statistics) in float32 and float64, and in train mode (batch
/// statistics, which also move the running statistics by PyTorch's momentum) in float64.
/// </summary>
[Collection(TorchGeneratorCollection.Name)]
public sealed class ResNetAgainstPyTorchTests
{
    /// <summary>Float32 eval-mode logits summed in another order (libtorch 2.10 against PyTorch 1.13): measured 0.8e-6 (resnet18) and 2.4e-6 (resnet50) of the largest logit.</summary>
    private const double Float32Tolerance = 1e-4;

    /// <summary>
    /// Float64, in both modes. Train mode is compared only here: layer4's batch norms see 8 values per channel (2 images
    /// of 64×64), and resnet50's float32 train-mode logits move by 2e-4 of their size between summation orders
    /// (PyTorch 1.13's float32 against its float64), so a float32 comparison would measure rounding, not the network.
    /// In float64 both modes agreed to 1.4e-13 (resnet50 train) or better when this was written.
    /// </summary>
    private const double Float64Tolerance = 1e-9;

    private static JsonElement Reference()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LossLab.sln")))
                return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "tests", "Fixtures", "Weights", "resnet-formula-reference.json"))).RootElement;
        throw new InvalidOperationException("no LossLab.sln above the test folder");
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static DatasetInfo Images => new([3, 64, 64], [], ["n", "p"], "formula");

    /// <summary>Each logit within <paramref name="tolerance"/> of PyTorch's, relative to the largest |logit| of the batch.</summary>
    private static void AssertLogits(double[] expected, Tensor actual, double tolerance, string what)
    {
        var got = actual.to(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(expected.Length, got.Length);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(got[i] - expected[i]) <= tolerance * scale, $"{what} logit {i}: PyTorch {expected[i]:R}, TorchSharp {got[i]:R}");
    }

    [Theory]
    [InlineData("resnet18", "state_dict.pt", "pytorch")]
    [InlineData("resnet50", "model.safetensors", "safetensors")]
    public void Formula_weights_loaded_through_the_engine_give_PyTorchs_logits(string arch, string file, string format)
    {
        using var scope = NewDisposeScope();
        var reference = Reference();
        var want = reference.GetProperty("archs").GetProperty(arch);
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, file);

        // The checkpoint: a plugin-built network filled with the formula, checked tensor by tensor against PyTorch's sums.
        using (var source = new ResNetModel { Arch = arch }.Build(Images))
        {
            FormulaWeights.Fill(source);
            var sums = want.GetProperty("sums");
            Assert.Equal(sums.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), source.state_dict().Keys.Order(StringComparer.Ordinal));
            foreach (var (key, t) in source.state_dict())
            {
                var expected = sums.GetProperty(key).GetDouble();
                var actual = t.to(ScalarType.Float64).sum().item<double>();
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{arch} {key}: formula sum {actual:R} here, {expected:R} in PyTorch");
            }
            if (format == "pytorch") source.save_py(path);
            else source.save_safetensors(path);
        }
        var input = FormulaWeights.For("input", [.. reference.GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt64())], ScalarType.Float32);
        Assert.Equal(reference.GetProperty("input_sum").GetDouble(), input.to(ScalarType.Float64).sum().item<double>(), 9);

        nn.Module<Tensor, Tensor> Loaded(ScalarType dtype)
        {
            var plugin = new ResNetModel { Arch = arch, Weights = path };
            manual_seed(11); // the seeded build the engine does before loading; every key is then overwritten
            var model = plugin.Build(Images);
            var loaded = ModelWeights.LoadInto(model, plugin.Pretrained!.Path, plugin.Pretrained.HeadPrefix);
            Assert.Equal(format, loaded.Format);
            Assert.Equal(want.GetProperty("sums").EnumerateObject().Count(), loaded.Loaded.Count);
            Assert.Empty(loaded.New);
            Assert.Empty(loaded.Skipped);
            return model.to(dtype);
        }

        Tensor Logits(nn.Module<Tensor, Tensor> model, bool train, ScalarType dtype)
        {
            model.train(train);
            using var noGrad = no_grad();
            return model.call(input.to(dtype));
        }

        using (var model = Loaded(ScalarType.Float32))
            AssertLogits(Doubles(want.GetProperty("eval_logits_float32")), Logits(model, train: false, ScalarType.Float32), Float32Tolerance, $"{arch} float32 eval");
        using (var model = Loaded(ScalarType.Float64))
            AssertLogits(Doubles(want.GetProperty("eval_logits_float64")), Logits(model, train: false, ScalarType.Float64), Float64Tolerance, $"{arch} float64 eval");
        using (var model = Loaded(ScalarType.Float64))
        {
            AssertLogits(Doubles(want.GetProperty("train_logits_float64")), Logits(model, train: true, ScalarType.Float64), Float64Tolerance, $"{arch} float64 train");
            foreach (var running in want.GetProperty("running_after_train_float64").EnumerateObject())
            {
                var actual = model.state_dict()[running.Name].sum().item<double>();
                var expected = running.Value.GetDouble();
                Assert.True(Math.Abs(actual - expected) <= Float64Tolerance * Math.Abs(expected), $"{arch} {running.Name} after a train-mode pass: sum {actual:R} here, {expected:R} in PyTorch");
            }
        }
    }
}
