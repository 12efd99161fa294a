using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>
/// Small convolutional net for [C, H, W] images: per block Conv2d 3×3 (padding 1) → ReLU → MaxPool 2×2, then
/// global average pooling (Lin et al. 2014, "Network in Network"), so any image size works, dropout and Linear → 1.
/// </summary>
public sealed class CnnModel : ModelPlugin
{
    public override string Name => "cnn";

    public override string Description => "Small CNN for images: conv3×3-ReLU-maxpool blocks, global average pooling, linear.";

    [Option("Output channels of each convolution block.", Min = 1)]
    public int[] Channels { get; set; } = [16, 32];

    [Option("Dropout probability before the final linear layer.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; set; }

    public override bool TrainingModeMatters => Dropout > 0;

    public override IEnumerable<string> Validate()
    {
        if (Channels.Length == 0) yield return "channels needs at least one convolution block.";
    }

    public override nn.Module<Tensor, Tensor> Build(DatasetInfo data)
    {
        if (data.InputShape is not [var channels, var height, var width])
            throw new PluginInputException($"The cnn model needs images of shape [channels, height, width]; data '{data.Source}' has shape [{string.Join(", ", data.InputShape)}]. Use logistic or mlp for tables.");
        if (Math.Min(height, width) >> Channels.Length < 1)
            throw new PluginInputException($"The cnn model halves the image {Channels.Length} times, which {height}×{width} images do not allow; use fewer channels entries or a larger size.");

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inputs = channels;
        for (var i = 0; i < Channels.Length; i++)
        {
            layers.Add(($"conv{i + 1}", nn.Conv2d(inputs, Channels[i], kernel_size: 3, padding: 1)));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            layers.Add(($"pool{i + 1}", nn.MaxPool2d(kernel_size: 2)));
            inputs = Channels[i];
        }
        layers.Add(("gap", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        if (Dropout > 0) layers.Add(("dropout", nn.Dropout(Dropout)));
        layers.Add(("output", nn.Linear(inputs, 1)));
        return new LogitNetwork("cnn", layers);
    }
}
