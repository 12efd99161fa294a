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

    /// <summary>
    /// Ignored by the host, which reads the built module's layers instead: dropout, batch and instance norm and the
    /// other TorchSharp layers that compute differently in eval() make it switch modes around validation passes,
    /// and those that draw random numbers make it train runs one at a time. Left only until no plugin overrides it.
    /// </summary>
    public virtual bool TrainingModeMatters => true;
}
