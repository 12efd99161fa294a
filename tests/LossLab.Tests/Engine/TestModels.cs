using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>A linear model whose first Build has 8 hidden units and every later one 4: breaks "Build depends only on its options and the data".</summary>
public sealed class ShiftingModel : ModelPlugin
{
    private int _builds;
    public override string Name => "shifting";
    public override string Description => "builds a different architecture after its first build (test only)";

    public override nn.Module<Tensor, Tensor> Build(DatasetInfo data)
    {
        var hidden = ++_builds == 1 ? 8 : 4;
        return nn.Sequential(("hidden", nn.Linear(data.RowLength, hidden)), ("out", nn.Linear(hidden, 1)), ("squeeze", nn.Flatten(0)));
    }
}
