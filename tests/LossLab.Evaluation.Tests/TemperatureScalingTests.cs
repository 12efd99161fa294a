using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class TemperatureScalingTests
{
    /// <summary>Logits z ~ N(0, 3²) and labels drawn from Bernoulli(σ(z/T0)): T0 is the true temperature.</summary>
    private static (int[] Labels, double[] Logits) Generate(int seed, int n, double t0)
    {
        var random = new Random(seed);
        var z = new double[n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = 3 * RandomData.Normal(random);
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z[i] / t0)) ? 1 : 0;
        }
        return (y, z);
    }

    private static double Nll(int[] y, double[] z, double t) =>
        z.Select((v, i) => Math.Log(1 + Math.Exp(v / t)) - y[i] * v / t).Average();

    [Theory]
    [InlineData(41, 0.5)]
    [InlineData(42, 1.0)]
    [InlineData(43, 2.5)]
    [InlineData(44, 4.0)]
    public void Fit_RecoversTheGeneratingTemperature(int seed, double t0)
    {
        var (y, z) = Generate(seed, 20000, t0);
        double t = TemperatureScaling.Fit(y, z);
        Assert.InRange(t, t0 * 0.9, t0 * 1.1);
        // And it is the minimum of the NLL: nudging T either way does not lower it.
        Assert.True(Nll(y, z, t) <= Nll(y, z, t * 1.01) + 1e-12);
        Assert.True(Nll(y, z, t) <= Nll(y, z, t / 1.01) + 1e-12);
    }

    [Fact]
    public void Fit_IsDeterministic()
    {
        var (y, z) = Generate(45, 5000, 2);
        Assert.Equal(TemperatureScaling.Fit(y, z), TemperatureScaling.Fit(y, z));
    }

    [Theory]
    [InlineData(46, 3.0)]
    [InlineData(47, 0.4)]
    public void Apply_LowersEceOfMiscalibratedScores(int seed, double t0)
    {
        // σ(z) is miscalibrated when the truth is σ(z/T0): over-confident for T0 > 1, under-confident for T0 < 1.
        var (yVal, zVal) = Generate(seed, 10000, t0);
        var (yTest, zTest) = Generate(seed + 100, 10000, t0);
        double t = TemperatureScaling.Fit(yVal, zVal);
        double before = Calibration.ExpectedCalibrationError(yTest, TemperatureScaling.Apply(zTest, 1.0));
        double after = Calibration.ExpectedCalibrationError(yTest, TemperatureScaling.Apply(zTest, t));
        Assert.True(after <= before, $"ECE before {before}, after {after}");
        Assert.True(after < 0.03, $"ECE after {after}");
    }

    [Fact]
    public void Apply_IsSigmoidOfLogitOverT_AndStableForHugeLogits()
    {
        double[] p = TemperatureScaling.Apply([0, 2, -2, 1000, -1000], 2);
        Assert.Equal(0.5, p[0]);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[1], 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(1)), p[2], 1e-15);
        Assert.Equal(1.0, p[3]);
        Assert.Equal(0.0, p[4], 1e-200);
        Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.Apply([1], 0));
    }

    [Fact]
    public void Fit_EdgeCases()
    {
        // All logits 0: the NLL is ln 2 whatever T → 1 by convention.
        Assert.Equal(1.0, TemperatureScaling.Fit([0, 1], [0, 0]));
        // Perfectly separated: NLL keeps falling as T → 0 → the lower bound.
        Assert.Equal(TemperatureScaling.MinTemperature, TemperatureScaling.Fit([0, 0, 1, 1], [-2, -1, 1, 2]), 1e-12);
        // Anti-correlated: the best β = 1/T would be negative → the upper bound.
        Assert.Equal(TemperatureScaling.MaxTemperature, TemperatureScaling.Fit([1, 1, 0, 0], [-2, -1, 1, 2]), 1e-9);
    }
}
