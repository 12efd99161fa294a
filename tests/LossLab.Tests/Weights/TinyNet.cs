using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Tests.Weights;

/// <summary>
/// The TinyNet of tests/Fixtures/Weights/make_fixtures.py, layer for layer and with the same state-dict keys:
/// conv1 (3×3, no bias) → bn1 → ReLU → layer1 = [Conv2d 3×3 pad 1, BatchNorm2d, ReLU] → global average pool → fc.
/// </summary>
internal sealed class TinyNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Linear fc;

    /// <summary>Built under the engine's generator lock: other tests' seeded builds run in parallel with this one.</summary>
    public static TinyNet Create(long channels = 3, long classes = 1)
    {
        TinyNet? net = null;
        LossLab.Engine.Training.InitialWeights.WithTorchRandom(() => net = new TinyNet(channels, classes));
        return net!;
    }

    private TinyNet(long channels, long classes) : base("tiny")
    {
        conv1 = nn.Conv2d(channels, 4, 3, bias: false);
        bn1 = nn.BatchNorm2d(4);
        layer1 = nn.Sequential(nn.Conv2d(4, 6, 3, padding: 1), nn.BatchNorm2d(6), nn.ReLU());
        fc = nn.Linear(6, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = layer1.call(nn.functional.relu(bn1.call(conv1.call(input))));
        return fc.call(nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)).squeeze(-1).MoveToOuterDisposeScope();
    }
}
