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

    [Theory]
    [InlineData("adam", 0.01)]
    [InlineData("adamw", 0.01)]
    [InlineData("sgd", 0.001)]
    public void After_the_first_step_the_parameters_and_gradients_are_views_of_two_buffers_whose_padding_stays_zero(string optimizer, double weightDecay)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(32, 3);
        var y = (x[.., 0] > 0).to_type(ScalarType.Float32);
        using var model = nn.Sequential(("hidden", nn.Linear(3, 5)), ("relu", nn.ReLU()), ("out", nn.Linear(5, 1)), ("flat", nn.Flatten(0)));
        var parameters = model.parameters().ToArray();
        using var update = ParameterUpdate.Create(new TrainingSettings(30, 0, Kind(optimizer), 0.01, weightDecay, 0.9, 1), parameters);
        Assert.Null(update.Flat);
        for (var step = 0; step < 10; step++)
            using (NewDisposeScope())
            {
                update.ZeroGrad();
                nn.functional.binary_cross_entropy_with_logits(model.call(x), y).backward();
                update.Step();
            }

        var flat = update.Flat;
        Assert.NotNull(flat);
        // 15, 5, 5 and 1 float32 values, each view starting on 64 bytes (16 floats).
        Assert.Equal(64, flat.Data.numel());
        long[] offsets = [0, 16, 32, 48];
        for (var i = 0; i < parameters.Length; i++)
        {
            Assert.True(flat.Data.narrow(0, offsets[i], parameters[i].numel()).allclose(parameters[i].flatten(), rtol: 0, atol: 0));
            Assert.True(flat.Grad.narrow(0, offsets[i], parameters[i].numel()).allclose(parameters[i].grad!.flatten(), rtol: 0, atol: 0));
            var padding = flat.Data.narrow(0, offsets[i] + parameters[i].numel(), 16 - parameters[i].numel());
            Assert.Equal(0f, padding.abs().sum().item<float>());
        }
        using (no_grad()) flat.Data.fill_(0.25);
        Assert.All(model.state_dict().Values, t => Assert.True(t.eq(0.25f).all().item<bool>()));
        flat.Grad.fill_(2);
        Assert.All(model.parameters(), p => Assert.True(p.grad!.eq(2f).all().item<bool>()));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("sgd")]
    public void A_parameter_that_never_gets_a_gradient_is_skipped_as_torch_optim_skips_it(string optimizer)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn(40, 3);
        var y = (x[.., 1] > 0.3).to_type(ScalarType.Float32);
        var start = new[] { randn(3), randn(4) };
        var theirs = start.Select(t => new Parameter(t.clone())).ToArray();
        var ours = start.Select(t => new Parameter(t.clone())).ToArray();
        using var reference = Reference(optimizer, theirs, 0.01, 0.05, 0.9);
        using var update = ParameterUpdate.Create(new TrainingSettings(30, 0, Kind(optimizer), 0.01, 0.05, 0.9, 1), ours);
        for (var step = 0; step < 20; step++)
        {
            using (NewDisposeScope())
            {
                reference.zero_grad();
                nn.functional.binary_cross_entropy_with_logits(x.matmul(theirs[0]), y).backward();
                reference.step();
            }
            using (NewDisposeScope())
            {
                update.ZeroGrad();
                nn.functional.binary_cross_entropy_with_logits(x.matmul(ours[0]), y).backward();
                update.Step();
            }
        }
        // With weight decay, a zero gradient in a flat buffer would have moved the unused parameter.
        Assert.Null(update.Flat);
        Assert.True(ours[1].allclose(start[1], rtol: 0, atol: 0));
        Assert.True(theirs[0].allclose(ours[0], rtol: 0, atol: 0));
        Assert.False(ours[0].allclose(start[0], rtol: 0, atol: 0));
    }
}
