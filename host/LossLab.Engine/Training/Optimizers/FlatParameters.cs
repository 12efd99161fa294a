using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Engine.Training.Optimizers;

/// <summary>
/// The trained parameters and their gradients moved into one buffer each, so that an optimizer step is a handful of
/// element-wise operations on two tensors instead of the same handful per parameter (for the seed-study MLP, 8
/// operations a step instead of 48, and one zero_ instead of 6: libtorch's cost per call dominates a small model).
/// Every parameter and gradient becomes a view of its buffer (<c>Tensor.set_</c>), so the module, autograd (which
/// accumulates into an existing gradient in place) and state_dict see the same tensors as before. Each view starts
/// on a 64-byte boundary, the alignment libtorch gives a tensor of its own, so kernels that choose their path by
/// alignment compute the same as before; the padding between views stays zero in all buffers, and an element-wise
/// update of a zero gradient with zero moments leaves it zero.
/// </summary>
internal sealed class FlatParameters : IDisposable
{
    private const int AlignmentBytes = 64;

    private FlatParameters(Tensor data, Tensor grad)
    {
        Data = data;
        Grad = grad;
    }

    /// <summary>Every parameter's values, as one 1-D tensor (with zero padding between them).</summary>
    public Tensor Data { get; }

    /// <summary>Every parameter's gradient, laid out as <see cref="Data"/>.</summary>
    public Tensor Grad { get; }

    /// <summary>
    /// Moves <paramref name="parameters"/> and their gradients into flat buffers; null when they cannot share one:
    /// fewer than two, a parameter without a gradient yet (torch.optim skips it, a zero gradient in a buffer would
    /// not), different dtypes or devices, or a non-contiguous tensor.
    /// </summary>
    public static FlatParameters? TryCreate(IReadOnlyList<Parameter> parameters)
    {
        if (parameters.Count < 2) return null;
        var grads = new Tensor[parameters.Count];
        try
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                if (p.grad is not { } grad) return null;
                grads[i] = grad;
                if (p.dtype != parameters[0].dtype || p.device_type != parameters[0].device_type || p.device_index != parameters[0].device_index || !p.is_contiguous() || !grad.is_contiguous()
                    || grad.dtype != p.dtype || !grad.shape.SequenceEqual(p.shape))
                    return null;
            }
            var offsets = Offsets(parameters, parameters[0].ElementSize, out var total);
            using var noGrad = no_grad();
            var data = zeros(total, parameters[0].dtype, parameters[0].device).DetachFromDisposeScope();
            var flatGrad = zeros(total, parameters[0].dtype, parameters[0].device).DetachFromDisposeScope();
            for (var i = 0; i < parameters.Count; i++)
            {
                Rehome(parameters[i], data, offsets[i]);
                Rehome(grads[i], flatGrad, offsets[i]);
            }
            return new FlatParameters(data, flatGrad);
        }
        finally
        {
            foreach (var g in grads) g?.Dispose();
        }
    }

    private static long[] Offsets(IReadOnlyList<Parameter> parameters, long elementSize, out long total)
    {
        var alignment = Math.Max(1, AlignmentBytes / elementSize);
        var offsets = new long[parameters.Count];
        total = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            offsets[i] = total;
            total += (parameters[i].numel() + alignment - 1) / alignment * alignment;
        }
        return offsets;
    }

    /// <summary>Copies <paramref name="tensor"/> into its place in <paramref name="buffer"/> and makes it a view of that place.</summary>
    private static void Rehome(Tensor tensor, Tensor buffer, long offset)
    {
        using var view = buffer.narrow(0, offset, tensor.numel()).view(tensor.shape);
        view.copy_(tensor);
        // TorchSharp 0.107's set_ returns the tensor it was called on.
        var same = tensor.set_(view);
        if (!ReferenceEquals(same, tensor)) same.Dispose();
    }

    public void Dispose()
    {
        Data.Dispose();
        Grad.Dispose();
    }
}
