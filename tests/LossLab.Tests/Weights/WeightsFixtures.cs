using System.Text.Json;
using LossLab.Tests.Support;
using static TorchSharp.torch;

namespace LossLab.Tests.Weights;

/// <summary>The files tests/Fixtures/Weights/make_fixtures.py wrote with PyTorch 1.13 (see its docstring).</summary>
internal static class WeightsFixtures
{
    public static string Path(string name) => RepoPaths.Of("tests", "Fixtures", "Weights", name);

    /// <summary>The fixed input and PyTorch's eval-mode logits of TinyNet for it.</summary>
    public static (Tensor Input, float[] Logits) Reference()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path("tiny-reference.json")));
        var root = json.RootElement;
        var shape = root.GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var input = tensor(root.GetProperty("input").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).reshape(shape);
        return (input, [.. root.GetProperty("logits").EnumerateArray().Select(e => (float)e.GetDouble())]);
    }

    public static float[] Logits(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        model.eval();
        using var noGrad = no_grad();
        using var logits = model.call(input);
        return logits.data<float>().ToArray();
    }
}
