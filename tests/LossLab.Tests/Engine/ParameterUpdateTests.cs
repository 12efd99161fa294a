using LossLab.Evaluation.Experiments;
using LossLab.Engine.Experiments;
using LossLab.Engine.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>The engine's optimizers against torch.optim's, bit for bit, as the trainer called them before.</summary>
public sealed class ParameterUpdateTests
{
    public static TheoryData<string, double, double, double> Settings => new()
    {
        { "adam", 0.01, 0, 0 },
        { "adam", 0.05, 0.01, 0 },
        { "adamw", 0.01, 0.01, 0 },
        { "adamw", 0.01, 0, 0 },
        { "sgd", 0.1, 0, 0 },
        { "sgd", 0.1, 0.001, 0.9 },
    };

    private static optim.Optimizer Reference(string name, IEnumerable<Parameter> p, double lr, double wd, double momentum) => name switch
    {
        "sgd" => optim.SGD(p, lr, momentum: momentum, weight_decay: wd),
        "adamw" => optim.AdamW(p, lr, weight_decay: wd),
        _ => optim.Adam(p, lr, weight_decay: wd),
    };

    private static OptimizerKind Kind(string name) => JsonEnum.TryParse<OptimizerKind>(name, out var kind) ? kind : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Settings))]
    public void Thirty_steps_leave_the_same_parameters_as_torch_optim(string optimizer, double lr, double weightDecay, double momentum)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = randn(64, 3);
        var y = (x[.., 0] + 0.5 * randn(64) > 0.8).to_type(ScalarType.Float32);
        nn.Module<Tensor, Tensor> Network() => nn.Sequential(("hidden", nn.Linear(3, 5)), ("relu", nn.ReLU()), ("out", nn.Linear(5, 1)), ("flat", nn.Flatten(0)));
        manual_seed(1);
        using var theirs = Network();
        using var ours = Network();
        using (no_grad())
            foreach (var (name, t) in ours.state_dict()) t.copy_(theirs.state_dict()[name]);

        using var reference = Reference(optimizer, theirs.parameters(), lr, weightDecay, momentum);
        using var update = ParameterUpdate.Create(new TrainingSettings(30, 0, Kind(optimizer), lr, weightDecay, momentum, 1), [.. ours.parameters()]);
        var start = ours.parameters().Select(p => p.detach().clone()).ToArray();
        for (var step = 0; step < 30; step++)
        {
            using (NewDisposeScope())
            {
                reference.zero_grad();
                nn.functional.binary_cross_entropy_with_logits(theirs.call(x), y).backward();
                reference.step();
            }
            using (NewDisposeScope())
            {
                update.ZeroGrad();
                nn.functional.binary_cross_entropy_with_logits(ours.call(x), y).backward();
                update.Step();
            }
            foreach (var (a, b) in theirs.parameters().Zip(ours.parameters()))
                Assert.True(a.allclose(b, rtol: 0, atol: 0), $"{optimizer}: parameters differ after step {step + 1} by up to {(a - b).abs().max().item<float>()}");
        }
        Assert.Contains(ours.parameters().Zip(start), pair => !pair.First.allclose(pair.Second, rtol: 0, atol: 0));
    }
}
