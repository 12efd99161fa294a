using System.Text;
using LossLab.Engine.Data;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Models;

/// <summary>
/// Weights of a whole network from a formula of (state-dict key, element index), the same as
/// tests/Fixtures/Weights/make_resnet_reference.py computes in PyTorch (its docstring gives the formula), so a
/// full-size network can be compared with PyTorch without committing its checkpoint. Every step is exact or one IEEE
/// rounding, so both sides hold bit-identical tensors.
/// </summary>
internal static class FormulaWeights
{
    /// <summary>u_0 .. u_{n-1} for the tensor <paramref name="name"/>: SplitMix64 from FNV-1a-64 of the name, top 24 bits over 2^24.</summary>
    public static double[] Uniforms(string name, long n)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name)) h = (h ^ b) * 1099511628211UL;
        var generator = new SplitMix64(h);
        var u = new double[n];
        for (var i = 0; i < n; i++) u[i] = (generator.Next() >> 40) / (double)(1 << 24);
        return u;
    }

    /// <summary>The formula's tensor for a key of the given shape and dtype (float32 or int64).</summary>
    public static Tensor For(string name, long[] shape, ScalarType dtype)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var u = Uniforms(name, n);
        if (dtype == ScalarType.Int64) return tensor(u.Select(v => (long)Math.Floor(v * 1000)).ToArray(), ScalarType.Int64).reshape(shape);
        var leaf = name[(name.LastIndexOf('.') + 1)..];
        Func<double, double> value = name switch
        {
            "input" => v => (2 * v - 1) * 2,
            _ when leaf == "weight" && shape.Length == 4 => Scaled(Math.Sqrt(6.0 / (shape[1] * shape[2] * shape[3]))),
            "fc.weight" => Scaled(Math.Sqrt(3.0 / shape[1])),
            _ when leaf == "weight" => v => 0.5 + 0.5 * v,
            _ when leaf == "running_var" => v => 0.5 + v,
            _ when leaf is "bias" or "running_mean" => Scaled(0.1),
            _ => throw new ArgumentException($"no formula for {name}"),
        };
        return tensor(u.Select(v => (float)value(v)).ToArray()).reshape(shape);
    }

    private static Func<double, double> Scaled(double bound) => v => (2 * v - 1) * bound;

    /// <summary>Overwrites every parameter and buffer of <paramref name="module"/> with the formula's values.</summary>
    public static void Fill(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (key, target) in module.state_dict()) target.copy_(For(key, target.shape, target.dtype));
    }
}
