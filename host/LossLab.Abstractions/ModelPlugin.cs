using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Abstractions;

/// <summary>
/// A network architecture. The module maps a batch of shape [B, ..InputShape] to logits of shape [B]
/// (one per example). The host seeds torch before calling <see cref="Build"/>, so initial weights are
/// determined by the seed and identical for every loss trained with it.
/// </summary>
public abstract class ModelPlugin : IPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public virtual IEnumerable<string> Validate() => [];

    public abstract nn.Module<Tensor, Tensor> Build(DatasetInfo data);

    /// <summary>
    /// Weights to load into the built module, or null for none. The host loads them right after the seeded
    /// <see cref="Build"/>, so a fresh head is still drawn from the run seed and the initial-weights hash covers the
    /// loaded values too. Parameters the plugin froze (requires_grad = false) stay frozen: the host copies values only.
    /// </summary>
    public virtual PretrainedWeights? Pretrained => null;
}
