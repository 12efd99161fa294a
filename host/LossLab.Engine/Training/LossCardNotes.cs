using System.Globalization;
using LossLab.Abstractions;

namespace LossLab.Engine.Training;

/// <summary>
/// Plain sentences for a loss card on what a loss, with its options as used, does to this data's classes. Measured
/// from the loss itself by autograd (<see cref="LossProbe"/>, float64), so they hold for any plugin:
/// <list type="bullet">
/// <item>class weighting: |∂L/∂x| of a positive at p_t = 0.5 divided by that of a negative at p_t = 0.5 (1 for BCE;
/// w₁/w₀ for weighted BCE; α/(1 − α) for focal), set against the training data's negatives per positive;</item>
/// <item>focusing: per class, |∂L/∂x| at p_t = 0.9 divided by |∂L/∂x| at p_t = 0.5, against BCE's
/// (1 − 0.9)/(1 − 0.5) = 0.2, since BCE's |∂L/∂x| = 1 − p_t.</item>
/// </list>
/// </summary>
public static class LossCardNotes
{
    /// <summary>BCE's share of the gradient kept at p_t = 0.9, relative to p_t = 0.5: (1 − 0.9)/(1 − 0.5).</summary>
    public const double BceEasyShare = 0.2;

    /// <summary>Relative gaps below this count as "the same" (2 %).</summary>
    private const double Same = 0.02;

    /// <param name="PositiveOverNegative">|∂L/∂x| of a positive over that of a negative, both at p_t = 0.5.</param>
    /// <param name="EasyShare">Per class (0 = negative, 1 = positive): |∂L/∂x| at p_t = 0.9 over |∂L/∂x| at p_t = 0.5.</param>
    public sealed record Measurements(double PositiveOverNegative, double[] EasyShare);

    public static Measurements Measure(LossPlugin loss, ClassCounts counts)
    {
        var easy = Math.Log(0.9 / 0.1);
        // Rows: positive at p_t = 0.5 and 0.9, negative at p_t = 0.5 and 0.9 (a negative's p_t = σ(−x)).
        var probe = LossProbe.Evaluate(loss, [0, easy, 0, -easy], [1, 1, 0, 0], counts);
        var g = probe.Grad.Select(Math.Abs).ToArray();
        return new Measurements(g[0] / g[2], [g[3] / g[2], g[1] / g[0]]);
    }

    /// <summary>The sentences for <paramref name="loss"/> trained on <paramref name="counts"/>; none for a quantity that is not finite.</summary>
    public static List<string> Write(LossPlugin loss, ClassCounts counts)
    {
        var m = Measure(loss, counts);
        var notes = new List<string>();
        if (double.IsFinite(m.PositiveOverNegative)) notes.Add(ClassWeighting(m.PositiveOverNegative, counts));
        if (m.EasyShare.All(double.IsFinite)) notes.Add(Focusing(m.EasyShare[0], m.EasyShare[1]));
        return notes;
    }

    private static string ClassWeighting(double ratio, ClassCounts counts)
    {
        long positives = counts.Positives, negatives = counts.Negatives;
        var balanced = positives == negatives || positives == 0 || negatives == 0;
        var (minority, majority) = positives < negatives ? ("positives", "negatives") : ("negatives", "positives");
        // How hard one minority example pulls against one majority example.
        var minorityRatio = positives < negatives ? ratio : 1 / ratio;
        var effect = Math.Abs(ratio - 1) <= Same ? "this loss weighs both classes alike"
            : balanced ? $"this loss weights positives {(ratio > 1 ? "more" : "less")} than negatives"
            : minorityRatio > 1 ? $"it up-weights the rare {minority}"
            : $"this loss weights the rare {minority} less than the {majority}";
        string data;
        if (positives == 0 || negatives == 0) data = $"the training data has no {(positives == 0 ? "positives" : "negatives")}";
        else if (positives == negatives) data = "the training data has as many positives as negatives";
        else
        {
            var perMinority = Math.Max(positives, negatives) / (double)Math.Min(positives, negatives);
            var balancing = positives < negatives ? perMinority : 1 / perMinority;
            data = $"the training data has {Number(perMinority)} {majority} per {minority[..^1]}; "
                + $"{Number(balancing)}× would give both classes the same total pull";
        }
        return $"At p_t = 0.5 a positive example pulls {Number(ratio)}× as hard as a negative one: {effect} ({data}).";
    }

    private static string Focusing(double negative, double positive)
    {
        if (Math.Abs(negative - positive) <= Same * Math.Max(negative, positive))
        {
            var share = (negative + positive) / 2;
            return $"An easy example (p_t = 0.9) keeps {Percent(share)} of the gradient of an undecided one (p_t = 0.5); "
                + $"BCE keeps {Percent(BceEasyShare)}, so this loss {Discount(share)}.";
        }
        return $"An easy positive (p_t = 0.9) keeps {Percent(positive)} of the gradient of an undecided positive (p_t = 0.5), "
            + $"an easy negative {Percent(negative)} of an undecided negative's; BCE keeps {Percent(BceEasyShare)} for both, "
            + $"so for positives this loss {Discount(positive)}, and for negatives it {Discount(negative)}.";
    }

    private static string Discount(double share) =>
        Math.Abs(share - BceEasyShare) <= Same * BceEasyShare ? "discounts easy examples as BCE does"
        : share < BceEasyShare ? "discounts easy examples more than BCE"
        : "discounts easy examples less than BCE";

    /// <summary>Up to two decimals below 10, whole numbers from 10 on, two significant digits when that shows 0: 0.33, 1.5, 99, 0.0042.</summary>
    private static string Number(double x) =>
        x.ToString(Math.Abs(x) >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture) is var s && s != "0" ? s : x.ToString("G2", CultureInfo.InvariantCulture);

    private static string Percent(double share)
    {
        var p = share * 100;
        return (p >= 10 ? p.ToString("0", CultureInfo.InvariantCulture) : p.ToString("G2", CultureInfo.InvariantCulture)) + " %";
    }
}
