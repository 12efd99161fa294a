using static TorchSharp.torch;

namespace LossLab.Abstractions;

/// <summary>
/// A binary classification loss. The host makes one instance per loss entry of an experiment and sets its options.
/// A plugin writes only <see cref="Forward"/>, per example, so loss shapes, cards and plots work for any plugin; the
/// host trains on its batch mean (<see cref="Mean"/>, which a plugin may fuse).
/// </summary>
public abstract class LossPlugin : IPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>
    /// The loss as one line of plain text with Unicode symbols, for the report's loss card, e.g.
    /// "FL = −α_t·(1 − p_t)^γ·log p_t". "" when the plugin gives none.
    /// </summary>
    public virtual string Formula => "";

    /// <summary>
    /// True only when <see cref="Forward"/> is exactly binary cross-entropy with logits. The host then records this
    /// loss's validation value as the validation BCE too, instead of computing the same number twice every epoch.
    /// </summary>
    public virtual bool IsBinaryCrossEntropy => false;

    /// <summary>
    /// Per-example loss. <paramref name="logits"/> and <paramref name="targets"/> have shape [B] and the same
    /// floating dtype (float32 in training, float64 in checks); targets are 0 or 1. Returns shape [B].
    /// Work from logits (log-sigmoid), never from clamped probabilities, so logits in [-100, 100] stay finite.
    /// </summary>
    public abstract Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts);

    /// <summary>
    /// The mean of <see cref="Forward"/> over the batch, a scalar: what the host trains on and reports. It must equal
    /// <c>Forward(logits, targets, counts).mean()</c> up to float rounding. Override it only with a fused call that
    /// computes the same mean in fewer operations (e.g. binary_cross_entropy_with_logits with mean reduction).
    /// </summary>
    public virtual Tensor Mean(Tensor logits, Tensor targets, ClassCounts counts)
    {
        using var scope = NewDisposeScope();
        return Forward(logits, targets, counts).mean().MoveToOuterDisposeScope();
    }
}
