using static TorchSharp.torch;

namespace LossLab.Abstractions;

/// <summary>
/// A binary classification loss. The host makes one instance per loss entry of an experiment, sets its options,
/// and reduces the per-example values itself (mean over the batch), so shapes and plots work for any plugin.
/// </summary>
public abstract class LossPlugin : IPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>
    /// Per-example loss. <paramref name="logits"/> and <paramref name="targets"/> have shape [B] and the same
    /// floating dtype (float32 in training, float64 in checks); targets are 0 or 1. Returns shape [B].
    /// Work from logits (log-sigmoid), never from clamped probabilities, so logits in [-100, 100] stay finite.
    /// </summary>
    public abstract Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts);
}
