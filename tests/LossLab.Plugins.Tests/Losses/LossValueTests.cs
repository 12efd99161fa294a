using LossLab.Abstractions;
using LossLab.Plugins.Losses;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Losses;

public sealed class LossValueTests
{
    /// <summary>Logits chosen away from the asymmetric loss's margins (p = 0.05, 0.1, 0.2), where it has a kink.</summary>
    private static readonly double[] Grid = [-9, -4.5, -2.2, -1, -0.3, 0.25, 0.8, 1.9, 3.7, 8.5];

    [Theory]
    [InlineData(0.9, 0.00105, 5, 0.105, 3)]
    [InlineData(0.5, 0.173, 3, 0.693, 3)]
    [InlineData(0.1, 1.865, 3, 2.303, 3)]
    public void Focal_gamma_2_and_bce_match_the_published_table(double trueProbability, double focal, int focalDigits, double bce, int bceDigits)
    {
        var logit = Math.Log(trueProbability / (1 - trueProbability));
        double[] logits = [logit, -logit], targets = [1, 0];
        var focalValues = LossRunner.Values(new FocalLoss { Alpha = -1, Gamma = 2 }, logits, targets);
        var bceValues = LossRunner.Values(new BceLoss(), logits, targets);
        Assert.All(focalValues, v => Assert.Equal(focal, Math.Round(v, focalDigits)));
        Assert.All(bceValues, v => Assert.Equal(bce, Math.Round(v, bceDigits)));
    }

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Values_match_the_closed_form_in_double_precision(string id)
    {
        var @case = LossCase.Get(id);
        var (logits, targets) = LossRunner.BothTargets(Grid);
        var values = LossRunner.Values(@case.Create(), logits, targets);
        for (var i = 0; i < logits.Length; i++)
        {
            var expected = @case.Reference(logits[i], targets[i]);
            Assert.True(Math.Abs(values[i] - expected) <= 1e-12 + 1e-9 * Math.Abs(expected),
                $"{id} at x={logits[i]}, y={targets[i]}: {values[i]:R} vs closed form {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(LossCase.Ids), MemberType = typeof(LossCase))]
    public void Float32_values_agree_with_float64(string id)
    {
        var loss = LossCase.Get(id).Create();
        var (logits, targets) = LossRunner.BothTargets(Grid);
        var single = LossRunner.Values(loss, logits, targets, ScalarType.Float32);
        var wide = LossRunner.Values(loss, logits, targets);
        for (var i = 0; i < logits.Length; i++) Assert.True(Math.Abs(single[i] - wide[i]) <= 1e-6 + 1e-5 * Math.Abs(wide[i]), $"{id} at x={logits[i]}, y={targets[i]}");
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Focal_with_gamma_0_and_no_alpha_is_bce_exactly(ScalarType type) =>
        AssertIdentical(new FocalLoss { Alpha = -1, Gamma = 0 }, new BceLoss(), type);

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Class_balanced_with_beta_0_is_its_base_loss_exactly(ScalarType type)
    {
        AssertIdentical(new ClassBalancedLoss { Beta = 0 }, new BceLoss(), type);
        AssertIdentical(new ClassBalancedLoss { Beta = 0, Base = "focal", Alpha = 0.4, Gamma = 1.5 }, new FocalLoss { Alpha = 0.4, Gamma = 1.5 }, type);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Poly1_with_epsilon_0_and_unit_weights_are_bce_exactly(ScalarType type)
    {
        AssertIdentical(new Poly1Loss { Epsilon = 0 }, new BceLoss(), type);
        AssertIdentical(new WeightedBceLoss { PositiveWeight = 1, NegativeWeight = 1 }, new BceLoss(), type);
    }

    [Fact]
    public void Asymmetric_without_focusing_or_margin_is_bce()
    {
        var (logits, targets) = LossRunner.BothTargets([-100, -30, .. Grid, 30, 100]);
        var asymmetric = LossRunner.Values(new AsymmetricLoss { GammaPos = 0, GammaNeg = 0, Clip = 0 }, logits, targets);
        var bce = LossRunner.Values(new BceLoss(), logits, targets);
        for (var i = 0; i < logits.Length; i++) Assert.Equal(bce[i], asymmetric[i], 1e-12 * Math.Max(1, bce[i]));
    }

    [Fact]
    public void Weighted_bce_inverse_frequency_for_990_and_10_is_0_505_and_50()
    {
        var loss = new WeightedBceLoss();
        var (negative, positive) = loss.Weights(new ClassCounts(990, 10));
        Assert.Equal(1000.0 / 1980, negative, 1e-15);
        Assert.Equal(0.50505050505, negative, 1e-11);
        Assert.Equal(50, positive, 1e-15);

        double[] logits = [-2, 0.5, 3, -2, 0.5, 3], targets = [0, 0, 0, 1, 1, 1];
        var weighted = LossRunner.Values(loss, logits, targets);
        var bce = LossRunner.Values(new BceLoss(), logits, targets);
        for (var i = 0; i < 6; i++) Assert.Equal(targets[i] == 1 ? 50 : 0.505050505050505, weighted[i] / bce[i], 1e-12);
    }

    [Fact]
    public void Weighted_bce_defaults_the_missing_weight_to_1()
    {
        Assert.Equal((1.0, 7.0), new WeightedBceLoss { PositiveWeight = 7 }.Weights(LossCase.Counts));
        Assert.Equal((0.2, 1.0), new WeightedBceLoss { NegativeWeight = 0.2 }.Weights(LossCase.Counts));
        Assert.NotEmpty(new WeightedBceLoss { PositiveWeight = 0 }.Validate());
        Assert.Empty(new WeightedBceLoss { PositiveWeight = 0.1 }.Validate());
    }

    [Fact]
    public void Class_balanced_weights_sum_to_2_and_survive_an_absent_class()
    {
        var (negative, positive) = new ClassBalancedLoss().Weights(LossCase.Counts);
        Assert.Equal(2, negative + positive, 1e-14);
        Assert.Equal(LossCase.ClassBalancedWeight(0.999, 1), positive, 1e-14);
        Assert.True(positive > negative);

        var (n0, p0) = new ClassBalancedLoss().Weights(new ClassCounts(1000, 0));
        Assert.True(double.IsFinite(n0) && double.IsFinite(p0) && n0 > 0 && p0 > 0);
        var weighted = new WeightedBceLoss().Weights(new ClassCounts(1000, 0));
        Assert.True(double.IsFinite(weighted.Negative) && double.IsFinite(weighted.Positive));
    }

    private static void AssertIdentical(LossPlugin actual, LossPlugin expected, ScalarType type)
    {
        var (logits, targets) = LossRunner.BothTargets([-100, -30, .. Grid, 30, 100]);
        Assert.Equal(LossRunner.Values(expected, logits, targets, type), LossRunner.Values(actual, logits, targets, type));
    }
}
