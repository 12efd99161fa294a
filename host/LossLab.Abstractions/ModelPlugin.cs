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
}
