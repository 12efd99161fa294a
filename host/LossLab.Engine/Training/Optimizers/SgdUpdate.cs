using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum μ (no dampening, no Nesterov) and an L2 weight decay λ added
/// to the gradient, as torch.optim.SGD: g ← g + λ·p; b ← g on the first step, then b ← μ·b + g; p ← p − lr·b
/// (p ← p − lr·g without momentum).
/// </summary>
internal sealed class SgdUpdate : ParameterUpdate
{
    private readonly bool _momentum, _decay;
    private readonly Scalar _mu, _one, _weightDecay, _negativeLearningRate;
    private readonly Tensor?[] _buffers;

    public SgdUpdate(Parameter[] parameters, double learningRate, double momentum, double weightDecay) : base(parameters)
    {
        _momentum = momentum != 0;
        _decay = weightDecay != 0;
        _mu = Constant(momentum);
        _one = Constant(1.0);
        _weightDecay = Constant(weightDecay);
        _negativeLearningRate = Constant(-learningRate);
        _buffers = new Tensor?[parameters.Length];
    }

    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        if (_decay) grad = grad.add(parameter, alpha: _weightDecay);
        if (_momentum)
        {
            if (_buffers[index] is not { } buffer)
                _buffers[index] = buffer = grad.clone().detach().DetachFromDisposeScope();
            else
                buffer.mul_(_mu).add_(grad, alpha: _one);
            grad = buffer;
        }
        parameter.add_(grad, alpha: _negativeLearningRate);
    }

    public override void Dispose()
    {
        foreach (var b in _buffers) b?.Dispose();
        base.Dispose();
    }
}
