using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>Runs a layer stack that ends in one output unit and returns its [B, 1] result as logits of shape [B].</summary>
internal sealed class LogitNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public LogitNetwork(string name, IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> layers) : base(name)
    {
        this.layers = nn.Sequential(layers.Select(l => (l.Name, (nn.Module<Tensor, Tensor>)l.Layer)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var logits = layers.forward(input);
        return logits.squeeze(-1);
    }
}
