using LossLab.Abstractions;
using LossLab.Plugins.Losses;
using Xunit;
using static TorchSharp.torch;

namespace LossLab.Plugins.Tests.Losses;

/// <summary>
/// Each loss with a set of options and its closed form written from the paper with probabilities,
/// p = 1/(1 + e^{−x}), on doubles; independent of the plugins' log-sigmoid formulation.
/// </summary>
public sealed record LossCase(string Id, Func<LossPlugin> Create, Func<double, double, double> Reference)
{
    public static readonly ClassCounts Counts = new(990, 10);

    public override string ToString() => Id;

    public static readonly LossCase[] All =
    [
        new("bce", () => new BceLoss(), Bce),
        new("weighted-bce inverse frequency", () => new WeightedBceLoss(), (x, y) => (y == 1 ? 1000.0 / 20 : 1000.0 / 1980) * Bce(x, y)),
        new("weighted-bce positive 3", () => new WeightedBceLoss { PositiveWeight = 3 }, (x, y) => (y == 1 ? 3 : 1) * Bce(x, y)),
        new("weighted-bce negative 0.5", () => new WeightedBceLoss { NegativeWeight = 0.5 }, (x, y) => (y == 1 ? 1 : 0.5) * Bce(x, y)),
        new("weighted-bce 2 / 0.25", () => new WeightedBceLoss { PositiveWeight = 2, NegativeWeight = 0.25 }, (x, y) => (y == 1 ? 2 : 0.25) * Bce(x, y)),
        new("focal default", () => new FocalLoss(), (x, y) => Focal(x, y, 0.25, 2)),
        new("focal no alpha", () => new FocalLoss { Alpha = -1 }, (x, y) => Focal(x, y, -1, 2)),
        new("focal alpha 0.75 gamma 0.5", () => new FocalLoss { Alpha = 0.75, Gamma = 0.5 }, (x, y) => Focal(x, y, 0.75, 0.5)),
        new("focal alpha 0 gamma 5", () => new FocalLoss { Alpha = 0, Gamma = 5 }, (x, y) => Focal(x, y, 0, 5)),
        new("focal gamma 0", () => new FocalLoss { Alpha = 0.25, Gamma = 0 }, (x, y) => Focal(x, y, 0.25, 0)),
        new("class-balanced default", () => new ClassBalancedLoss(), (x, y) => ClassBalancedWeight(0.999, y) * Bce(x, y)),
        new("class-balanced beta 0.9", () => new ClassBalancedLoss { Beta = 0.9 }, (x, y) => ClassBalancedWeight(0.9, y) * Bce(x, y)),
        new("class-balanced beta 0.9999", () => new ClassBalancedLoss { Beta = 0.9999 }, (x, y) => ClassBalancedWeight(0.9999, y) * Bce(x, y)),
        new("class-balanced focal", () => new ClassBalancedLoss { Base = "focal" }, (x, y) => ClassBalancedWeight(0.999, y) * Focal(x, y, 0.25, 2)),
        new("class-balanced focal no alpha gamma 1.5", () => new ClassBalancedLoss { Base = "focal", Beta = 0.99, Alpha = -1, Gamma = 1.5 },
            (x, y) => ClassBalancedWeight(0.99, y) * Focal(x, y, -1, 1.5)),
        new("asymmetric default", () => new AsymmetricLoss(), (x, y) => Asymmetric(x, y, 0, 4, 0.05)),
        new("asymmetric 1 / 2 no clip", () => new AsymmetricLoss { GammaPos = 1, GammaNeg = 2, Clip = 0 }, (x, y) => Asymmetric(x, y, 1, 2, 0)),
        new("asymmetric 0 / 0.5 clip 0.2", () => new AsymmetricLoss { GammaPos = 0, GammaNeg = 0.5, Clip = 0.2 }, (x, y) => Asymmetric(x, y, 0, 0.5, 0.2)),
        new("asymmetric 2 / 0 clip 0.1", () => new AsymmetricLoss { GammaPos = 2, GammaNeg = 0, Clip = 0.1 }, (x, y) => Asymmetric(x, y, 2, 0, 0.1)),
        new("poly1 default", () => new Poly1Loss(), (x, y) => Poly1(x, y, 1)),
        new("poly1 epsilon -1", () => new Poly1Loss { Epsilon = -1 }, (x, y) => Poly1(x, y, -1)),
        new("poly1 epsilon 2.5", () => new Poly1Loss { Epsilon = 2.5 }, (x, y) => Poly1(x, y, 2.5)),
    ];

    public static TheoryData<string> Ids => [.. All.Select(c => c.Id)];

    public static LossCase Get(string id) => All.Single(c => c.Id == id);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>−[y ln p + (1 − y) ln(1 − p)].</summary>
    public static double Bce(double x, double y)
    {
        var p = Sigmoid(x);
        return -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));
    }

    /// <summary>Lin et al. 2017 eq. (5): −α_t (1 − p_t)^γ ln p_t, α_t = α for y = 1, 1 − α for y = 0; α &lt; 0: α_t = 1.</summary>
    public static double Focal(double x, double y, double alpha, double gamma)
    {
        var p = Sigmoid(x);
        var pt = y == 1 ? p : 1 - p;
        var alphaT = alpha < 0 ? 1 : y == 1 ? alpha : 1 - alpha;
        return -alphaT * Math.Pow(1 - pt, gamma) * Math.Log(pt);
    }

    /// <summary>Cui et al. 2019: 1/E_n with E_n = (1 − β^n)/(1 − β), scaled so both classes sum to 2, for counts 990/10.</summary>
    public static double ClassBalancedWeight(double beta, double y)
    {
        double inverseNegative = (1 - beta) / (1 - Math.Pow(beta, 990)), inversePositive = (1 - beta) / (1 - Math.Pow(beta, 10));
        return 2 * (y == 1 ? inversePositive : inverseNegative) / (inverseNegative + inversePositive);
    }

    /// <summary>Ridnik et al. 2021 eq. (7)–(8): y: −(1 − p)^{γ+} ln p; 1 − y: −p_m^{γ−} ln(1 − p_m), p_m = max(p − m, 0).</summary>
    public static double Asymmetric(double x, double y, double gammaPos, double gammaNeg, double clip)
    {
        var p = Sigmoid(x);
        if (y == 1) return -Math.Pow(1 - p, gammaPos) * Math.Log(p);
        var pm = Math.Max(p - clip, 0);
        return pm == 0 ? 0 : -Math.Pow(pm, gammaNeg) * Math.Log(1 - pm);
    }

    /// <summary>Leng et al. 2022 eq. (3) with N = 1: −ln p_t + ε (1 − p_t).</summary>
    public static double Poly1(double x, double y, double epsilon)
    {
        var p = Sigmoid(x);
        var pt = y == 1 ? p : 1 - p;
        return -Math.Log(pt) + epsilon * (1 - pt);
    }
}

/// <summary>Runs a loss on plain arrays and brings values and d(loss_i)/d(x_i) back as doubles.</summary>
internal static class LossRunner
{
    public static double[] Values(LossPlugin loss, double[] logits, double[] targets, ScalarType type = ScalarType.Float64, ClassCounts? counts = null)
    {
        using var scope = NewDisposeScope();
        using var x = tensor(logits, type);
        using var y = tensor(targets, type);
        var result = loss.Forward(x, y, counts ?? LossCase.Counts);
        Assert.Equal(type, result.dtype);
        Assert.Equal([logits.Length], result.shape);
        return result.to_type(ScalarType.Float64).data<double>().ToArray();
    }

    public static (double[] Values, double[] Gradients) WithGradients(LossPlugin loss, double[] logits, double[] targets, ScalarType type = ScalarType.Float64)
    {
        using var scope = NewDisposeScope();
        var x = tensor(logits, type).requires_grad_(true);
        var y = tensor(targets, type);
        var result = loss.Forward(x, y, LossCase.Counts);
        result.sum().backward();
        return (result.detach().to_type(ScalarType.Float64).data<double>().ToArray(), x.grad!.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    /// <summary>Every logit of the grid paired with target 0 and with target 1.</summary>
    public static (double[] Logits, double[] Targets) BothTargets(params double[] grid) =>
        ([.. grid, .. grid], [.. grid.Select(_ => 0.0), .. grid.Select(_ => 1.0)]);
}
