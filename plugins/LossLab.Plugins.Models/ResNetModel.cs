using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>
/// torchvision's ResNet (He et al. 2016) from the TorchVision package, with a one-logit head <c>fc</c> and
/// torchvision's state-dict key names, so PyTorch checkpoints load as they are (the host loads <see cref="Weights"/>
/// after the seeded build, keeping the seeded head where the file's does not fit, e.g. ImageNet's 1000-way fc).
/// </summary>
public sealed class ResNetModel : ModelPlugin
{
    public override string Name => "resnet";

    public override string Description => "torchvision ResNet 18/34/50/101 with one logit; optional pretrained weights and frozen backbone.";

    [Option("Architecture, as torchvision names it.", Choices = ["resnet18", "resnet34", "resnet50", "resnet101"])]
    public string Arch { get; set; } = "resnet18";

    [Option("Weights file relative to the experiment file: a PyTorch state_dict (.pt/.pth), .safetensors or TorchSharp's format; empty: random initialisation.")]
    public string Weights { get; set; } = "";

    [Option("none trains every layer; backbone trains only the head fc: the rest gets no gradient and its batch norms stay in eval mode.", Choices = ["none", "backbone"])]
    public string Freeze { get; set; } = "none";

    [Option("Dropout probability before the head.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; set; }

    public override PretrainedWeights? Pretrained => Weights.Length == 0 ? null : new PretrainedWeights(Weights, ResNetLogit.HeadPrefix);

    public override nn.Module<Tensor, Tensor> Build(DatasetInfo data)
    {
        if (data.InputShape is not [var channels, _, _])
            throw new PluginInputException($"The resnet model needs images of shape [channels, height, width]; data '{data.Source}' has shape [{string.Join(", ", data.InputShape)}].");
        var network = new ResNetLogit(Arch, channels, Dropout);
        if (Freeze == "backbone")
            foreach (var (name, parameter) in network.named_parameters())
                if (!name.StartsWith(ResNetLogit.HeadPrefix, StringComparison.Ordinal)) parameter.requires_grad = false;
        return network;
    }
}
