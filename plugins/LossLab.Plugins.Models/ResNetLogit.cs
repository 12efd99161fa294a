using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>
/// A TorchVision ResNet whose layers are re-registered under torchvision's names (conv1, bn1, layer1..layer4, fc),
/// run in torchvision's order, with an optional dropout before fc and the [B, 1] output squeezed to [B] logits.
/// TorchVision builds conv1 for 3 channels only; other channel counts get a conv1 of the same geometry
/// (7×7, stride 2, padding 3, no bias) and torchvision's initialisation (Kaiming normal, fan_out, ReLU gain).
/// </summary>
internal sealed class ResNetLogit : nn.Module<Tensor, Tensor>
{
    public const string HeadPrefix = "fc.";

    private readonly nn.Module<Tensor, Tensor> conv1, bn1, relu, maxpool, layer1, layer2, layer3, layer4, avgpool, flatten;
    private readonly nn.Module<Tensor, Tensor>? dropout;
    private readonly nn.Module<Tensor, Tensor> fc;

    public ResNetLogit(string arch, long channels, double dropout) : base(arch)
    {
        var resnet = arch switch
        {
            "resnet18" => torchvision.models.resnet18(num_classes: 1),
            "resnet34" => torchvision.models.resnet34(num_classes: 1),
            "resnet50" => torchvision.models.resnet50(num_classes: 1),
            "resnet101" => torchvision.models.resnet101(num_classes: 1),
            _ => throw new ArgumentException($"Unknown arch '{arch}'."),
        };
        var parts = resnet.named_children().ToDictionary(c => c.name, c => (nn.Module<Tensor, Tensor>)c.module);
        conv1 = parts["conv1"];
        if (channels != 3)
        {
            conv1.Dispose();
            var conv = nn.Conv2d(channels, 64, kernel_size: 7, stride: 2, padding: 3, bias: false);
            nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
            conv1 = conv;
        }
        (bn1, relu, maxpool) = (parts["bn1"], parts["relu"], parts["maxpool"]);
        (layer1, layer2, layer3, layer4) = (parts["layer1"], parts["layer2"], parts["layer3"], parts["layer4"]);
        (avgpool, flatten, fc) = (parts["avgpool"], parts["flatten"], parts["fc"]);
        if (dropout > 0) this.dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = maxpool.call(relu.call(bn1.call(conv1.call(input))));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        x = flatten.call(avgpool.call(x));
        if (dropout is not null) x = dropout.call(x);
        return fc.call(x).squeeze(-1).MoveToOuterDisposeScope();
    }
}
