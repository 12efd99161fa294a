namespace LossLab.Plugins.Datasets;

/// <summary>
/// Standard normal draws from a seeded <see cref="Random"/> by the Box–Muller transform (Box and Muller 1958):
/// z₁ = √(−2 ln u₁)·cos(2π u₂), z₂ = √(−2 ln u₁)·sin(2π u₂). A seeded Random keeps its algorithm across .NET
/// versions and draws in call order, so a seed fixes every value regardless of threads.
/// </summary>
internal sealed class Gaussian(int seed)
{
    private double? _spare;

    public Random Uniform { get; } = new(seed);

    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        var radius = Math.Sqrt(-2 * Math.Log(1 - Uniform.NextDouble()));
        var angle = 2 * Math.PI * Uniform.NextDouble();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }
}
