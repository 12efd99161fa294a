using LossLab.Evaluation.Experiments;
using LossLab.Engine.Experiments;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training.Optimizers;

/// <summary>
/// The optimizer the trainer steps: the arithmetic of TorchSharp 0.107's Adam, AdamW and SGD, operation for
/// operation (tests check the parameters bit for bit against torch.optim's), with every constant held in a Scalar
/// made once per run and disposed with it. TorchSharp's own optimizers convert each constant to a new Scalar on
/// every step; Scalars live outside dispose scopes and are freed only by the finalizer, so once the engine stopped
/// producing managed garbage the GC ran rarely, the Scalars piled up between libtorch's activation buffers, and the
/// native heap grew by about 300 KB an epoch (tests/LossLab.Benchmarks/README.md, TrainingMemoryCheck).
/// </summary>
internal abstract class ParameterUpdate : IDisposable
{
    private readonly List<Scalar> _scalars = [];
    private bool _laidOut;

    protected ParameterUpdate(Parameter[] parameters) => Parameters = parameters;

    protected Parameter[] Parameters { get; }

    /// <summary>The flat buffers the parameters moved into at the first step; null before it, or where they could not.</summary>
    internal FlatParameters? Flat { get; private set; }

    public static ParameterUpdate Create(TrainingSettings settings, Parameter[] parameters) => settings.Optimizer switch
    {
        OptimizerKind.Sgd => new SgdUpdate(parameters, settings.LearningRate, settings.Momentum, settings.WeightDecay),
        OptimizerKind.AdamW => new AdamUpdate(parameters, settings.LearningRate, settings.WeightDecay, decoupledWeightDecay: true),
        OptimizerKind.Adam => new AdamUpdate(parameters, settings.LearningRate, settings.WeightDecay, decoupledWeightDecay: false),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "unknown optimizer"),
    };

    /// <summary>Zeroes every gradient in place, as torch.optim's zero_grad (set_to_none = false).</summary>
    public void ZeroGrad()
    {
        if (Flat is not null)
        {
            Flat.Grad.zero_();
            return;
        }
        foreach (var p in Parameters)
        {
            using var grad = p.grad;
            if (grad is null) continue;
            grad.zero_().Dispose();
        }
    }

    /// <summary>
    /// One update of every parameter that has a gradient, under no_grad, temporaries in a dispose scope. At the
    /// first step, once backward has made every gradient, the parameters move into one flat buffer where they can
    /// (<see cref="FlatParameters"/>); the update is element-wise, so it computes the same values either way.
    /// </summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        if (!_laidOut)
        {
            Flat = FlatParameters.TryCreate(Parameters);
            _laidOut = true;
        }
        BeginStep();
        if (Flat is not null)
            Update(0, Flat.Data, Flat.Grad);
        else
            for (var i = 0; i < Parameters.Length; i++)
            {
                var grad = Parameters[i].grad;
                if (grad is null) continue;
                Update(i, Parameters[i], grad);
            }
        EndStep();
    }

    protected virtual void BeginStep() { }

    /// <summary>Updates one parameter, or with flat buffers (index 0) all of them at once.</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    protected virtual void EndStep() { }

    /// <summary>A Scalar that lives as long as this optimizer.</summary>
    protected Scalar Constant(double value)
    {
        var scalar = value.ToScalar();
        _scalars.Add(scalar);
        return scalar;
    }

    public virtual void Dispose()
    {
        Flat?.Dispose();
        foreach (var s in _scalars) s.Dispose();
        _scalars.Clear();
    }
}
