using System.Globalization;
using LossLab.Evaluation.Results;

namespace LossLab.Reports.Sections;

/// <summary>
/// The loss card's plain sentences, written from what the engine measured (<see cref="LossMeasurements"/>):
/// how hard a positive pulls against a negative at p_t = 0.5, set against the training data's negatives per
/// positive, and what share of its gradient an easy example (p_t = 0.9) keeps, set against BCE's
/// (1 − 0.9)/(1 − 0.5) = 0.2, since BCE's |∂L/∂x| = 1 − p_t.
/// </summary>
internal static class LossCardSentences
{
    /// <summary>BCE's share of the gradient kept at p_t = 0.9, relative to p_t = 0.5: (1 − 0.9)/(1 − 0.5).</summary>
    public const double BceEasyShare = 0.2;

    /// <summary>Relative gaps below this count as "the same" (2 %).</summary>
    private const double Same = 0.02;

    /// <summary>The sentences for <paramref name="m"/>; none without measurements, none for a quantity that is not finite.</summary>
    public static List<string> Write(LossMeasurements? m)
    {
        var sentences = new List<string>();
        if (m is null) return sentences;
        if (double.IsFinite(m.PositiveOverNegative)) sentences.Add(ClassWeighting(m.PositiveOverNegative, m.TrainPositives, m.TrainNegatives));
        if (double.IsFinite(m.EasyShareNegative) && double.IsFinite(m.EasySharePositive)) sentences.Add(Focusing(m.EasyShareNegative, m.EasySharePositive));
        return sentences;
    }

    private static string ClassWeighting(double ratio, long positives, long negatives)
    {
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
