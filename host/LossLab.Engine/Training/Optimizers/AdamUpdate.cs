using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with β = (0.9, 0.999) and ε = 1e-8, TorchSharp 0.107's defaults for optim.Adam and
/// optim.AdamW; weight decay as an L2 term added to the gradient (Adam) or decoupled (AdamW, Loshchilov &amp;
/// Hutter 2019: p ← p·(1 − lr·λ) before the update). Per step t, with m and v starting at zero:
/// <code>
/// m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
/// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// </summary>
internal sealed class AdamUpdate : ParameterUpdate
{
    public const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    private readonly double _learningRate;
    private readonly bool _decoupled;
    private readonly bool _decay;
    private readonly Scalar _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon, _weightDecay, _decoupledShrink;
    private readonly Tensor?[] _firstMoments, _secondMoments;
    private long _step;
    private Scalar? _rootBiasCorrection2, _negativeStepSize;

    public AdamUpdate(Parameter[] parameters, double learningRate, double weightDecay, bool decoupledWeightDecay) : base(parameters)
    {
        _learningRate = learningRate;
        _decoupled = decoupledWeightDecay;
        _decay = weightDecay != 0;
        _beta1 = Constant(Beta1);
        _oneMinusBeta1 = Constant(1 - Beta1);
        _beta2 = Constant(Beta2);
        _oneMinusBeta2 = Constant(1 - Beta2);
        _epsilon = Constant(Epsilon);
        _weightDecay = Constant(weightDecay);
        _decoupledShrink = Constant(1 - learningRate * weightDecay);
        _firstMoments = new Tensor?[parameters.Length];
        _secondMoments = new Tensor?[parameters.Length];
    }

    protected override void BeginStep()
    {
        _step++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, _step);
        _rootBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        _negativeStepSize = (-(_learningRate / biasCorrection1)).ToScalar();
    }

    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        // AdamW shrinks even at λ = 0 in TorchSharp (a multiplication by exactly 1, so skipping it changes nothing).
        if (_decoupled && _decay) parameter.mul_(_decoupledShrink);
        if (!_decoupled && _decay) grad = grad.add(parameter, alpha: _weightDecay);
        var m = _firstMoments[index] ??= zeros_like(parameter).DetachFromDisposeScope();
        var v = _secondMoments[index] ??= zeros_like(parameter).DetachFromDisposeScope();
        m.mul_(_beta1).add_(grad, alpha: _oneMinusBeta1);
        v.mul_(_beta2).addcmul_(grad, grad, value: _oneMinusBeta2);
        var denominator = v.sqrt().div_(_rootBiasCorrection2!).add_(_epsilon);
        parameter.addcdiv_(m, denominator, value: _negativeStepSize!);
    }

    protected override void EndStep()
    {
        _rootBiasCorrection2?.Dispose();
        _negativeStepSize?.Dispose();
        _rootBiasCorrection2 = _negativeStepSize = null;
    }

    public override void Dispose()
    {
        foreach (var t in _firstMoments.Concat(_secondMoments)) t?.Dispose();
        base.Dispose();
    }
}
