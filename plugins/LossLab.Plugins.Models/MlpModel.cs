using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>Multilayer perceptron over the flattened input: (Linear → activation → dropout) per hidden layer, then Linear → 1.</summary>
public sealed class MlpModel : ModelPlugin
{
    public override string Name => "mlp";

    public override string Description => "Multilayer perceptron over the flattened input.";

    [Option("Units of each hidden layer, input side first.", Min = 1)]
    public int[] Hidden { get; set; } = [16, 8];

    [Option("Activation after each hidden layer (leaky_relu has slope 0.01).", Choices = ["relu", "tanh", "gelu", "sigmoid", "leaky_relu"])]
    public string Activation { get; set; } = "relu";

    [Option("Dropout probability after each hidden activation.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; set; }

    public override IEnumerable<string> Validate()
    {
        if (Hidden.Length == 0) yield return "hidden needs at least one layer (the logistic model has none).";
    }

    public override nn.Module<Tensor, Tensor> Build(DatasetInfo data)
    {
        // Tabular rows are already [B, features]; a no-op Flatten would still cost a dispatch per forward pass.
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (!data.IsTabular) layers.Add(("flatten", nn.Flatten()));
        long inputs = data.RowLength;
        for (var i = 0; i < Hidden.Length; i++)
        {
            layers.Add(($"linear{i + 1}", nn.Linear(inputs, Hidden[i])));
            layers.Add(($"{Activation}{i + 1}", NewActivation()));
            if (Dropout > 0) layers.Add(($"dropout{i + 1}", nn.Dropout(Dropout)));
            inputs = Hidden[i];
        }
        layers.Add(("output", nn.Linear(inputs, 1)));
        return new LogitNetwork("mlp", layers);
    }

    private nn.Module<Tensor, Tensor> NewActivation() => Activation switch
    {
        "relu" => nn.ReLU(),
        "tanh" => nn.Tanh(),
        "gelu" => nn.GELU(),
        "sigmoid" => nn.Sigmoid(),
        "leaky_relu" => nn.LeakyReLU(0.01),
        _ => throw new ArgumentException($"Unknown activation '{Activation}'."),
    };
}
