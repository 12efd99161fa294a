using LossLab.Abstractions;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>BCE until the given epoch's worth of calls, then NaN: a loss that diverges.</summary>
public sealed class ExplodingLoss : LossPlugin
{
    private int _calls;
    public override string Name => "exploding";
    public override string Description => "BCE that turns NaN after a few calls (test only)";

    [Option("Calls before the loss becomes NaN", Min = 0)]
    public int After { get; set; } = 6;

    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts)
    {
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);
        return ++_calls > After ? bce * double.NaN : bce;
    }
}

/// <summary>A loss whose plugin code throws during training.</summary>
public sealed class ThrowingLoss : LossPlugin
{
    public override string Name => "throwing";
    public override string Description => "throws on the first batch (test only)";
    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => throw new InvalidOperationException("vendor code failed");
}

/// <summary>Keeps a column per example ([B, 1]): breaks the per-example contract while its mean is still a scalar.</summary>
public sealed class WrongShapeLoss : LossPlugin
{
    public override string Name => "wrong-shape";
    public override string Description => "BCE of shape [B, 1] (test only)";
    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) =>
        nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None).unsqueeze(1);
}

/// <summary>BCE whose construction throws once <see cref="Broken"/> is set: a plugin that fails when a run creates it.</summary>
public sealed class BreaksOnCreateLoss : LossPlugin
{
    public static volatile bool Broken;

    public BreaksOnCreateLoss()
    {
        if (Broken) throw new InvalidOperationException("licence server unreachable");
    }

    public override string Name => "breaks-on-create";
    public override string Description => "throws when constructed after resolution (test only)";
    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) =>
        nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);
}
