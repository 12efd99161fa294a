using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>
/// Small convolutional net for [C, H, W] images: per block Conv2d 3×3 (padding 1) → BatchNorm2d → ReLU →
/// MaxPool 2×2; then the feature map is flattened, so the head sees where each feature fired, and goes through
/// Linear → ReLU → dropout → Linear → 1. Measured against the previous design (global average pooling, no batch
/// norm) on MNIST three-vs-rest at 58:1 and on a cluttered 30:1 set: see samples/experiments/images-58to1.md and
/// tests/LossLab.Benchmarks/README.md ("The cnn model").
/// </summary>
public sealed class CnnModel : ModelPlugin
{
    public override string Name => "cnn";

    public override string Description => "Small CNN for images: conv3×3-batchnorm-ReLU-maxpool blocks, flattened feature map, dense ReLU layer, linear.";

    /// <summary>
    /// Three blocks by default: on 28×28 images [16, 32] leaves a 32×7×7 map, 1568 inputs to the dense layer, and
    /// one of nine runs of the MNIST sample at lr 0.002 collapsed to a constant (ROC-AUC 0.5); [16, 32, 64] leaves
    /// 64×3×3 = 576 and trained all nine.
    /// </summary>
    [Option("Output channels of each convolution block; each block halves the image side.", Min = 1)]
    public int[] Channels { get; set; } = [16, 32, 64];

    [Option("Units of the dense layer between the flattened feature map and the output.", Min = 1)]
    public int Dense { get; set; } = 64;

    [Option("Batch normalisation after each convolution (Ioffe & Szegedy 2015); without it the convolutions get biases.")]
    public bool BatchNorm { get; set; } = true;

    [Option("Dropout probability before the final linear layer.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; set; }

    /// <summary>Batch norm normalises with the batch's statistics in training and with running ones in evaluation.</summary>

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
            // A bias before batch norm is cancelled by its mean subtraction (its β plays that part), so it is left out.
            layers.Add(($"conv{i + 1}", nn.Conv2d(inputs, Channels[i], kernel_size: 3, padding: 1, bias: !BatchNorm)));
            if (BatchNorm) layers.Add(($"norm{i + 1}", nn.BatchNorm2d(Channels[i])));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            layers.Add(($"pool{i + 1}", nn.MaxPool2d(kernel_size: 2)));
            inputs = Channels[i];
        }
        // MaxPool2d 2×2 without padding floors odd sides: 28 → 14 → 7 → 3.
        long side(int size) => size >> Channels.Length;
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("dense", nn.Linear(inputs * side(height) * side(width), Dense)));
        layers.Add(("relu", nn.ReLU()));
        if (Dropout > 0) layers.Add(("dropout", nn.Dropout(Dropout)));
        layers.Add(("output", nn.Linear(Dense, 1)));
        return new LogitNetwork("cnn", layers);
    }
}
