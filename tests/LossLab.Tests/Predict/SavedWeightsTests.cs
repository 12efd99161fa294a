using LossLab.Engine.Models;
using LossLab.Engine.Weights;
using LossLab.Tests.Support;
using static TorchSharp.torch;

namespace LossLab.Tests.Predict;

public sealed class SavedWeightsTests
{
    [Fact]
    public void The_same_weights_saved_twice_are_the_same_bytes_and_the_state_dict_reads_back()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var module = nn.Sequential(("hidden", nn.Linear(3, 4)), ("out", nn.Linear(4, 1)));
        SavedWeights.Save(module, temp.Sub("a"));
        Thread.Sleep(2100); // zip times have a 2-second resolution: a later write must still give the same bytes
        SavedWeights.Save(module, temp.Sub("b"));
        foreach (var file in new[] { SavedWeights.TorchSharpFile, SavedWeights.StateDictFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "a", file)), File.ReadAllBytes(Path.Combine(temp.Path, "b", file)));

        using var state = WeightsFile.Read(Path.Combine(temp.Path, "a", SavedWeights.StateDictFile));
        Assert.Equal(WeightsFormat.PyTorch, state.Format);
        foreach (var (key, expected) in module.state_dict())
        {
            Assert.True(state.TryGetValue(key, out var read), key);
            Assert.True(read.allclose(expected, rtol: 0, atol: 0), key);
        }
    }
}
