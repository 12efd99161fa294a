using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Plugins.Models;

/// <summary>Logistic regression: logit = w·x + b over the flattened input (torch.nn.Linear's default initialisation).</summary>
public sealed class LogisticModel : ModelPlugin
{
    public override string Name => "logistic";

    public override string Description => "Logistic regression: one linear layer over the flattened input.";

    public override nn.Module<Tensor, Tensor> Build(DatasetInfo data) =>
        new LogitNetwork("logistic", [("flatten", nn.Flatten()), ("linear", nn.Linear(data.RowLength, 1))]);
}
