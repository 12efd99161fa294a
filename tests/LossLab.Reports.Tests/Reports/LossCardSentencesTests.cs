using LossLab.Evaluation.Results;
using LossLab.Reports.Sections;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>
/// The loss card's sentences, fed with measurements whose values are derived by hand (the engine's tests check that
/// it measures them): BCE's |∂L/∂z| = 1 − p_t gives a ratio of 1 and an easy share of 0.1/0.5 = 0.2; weighted BCE's
/// ratio is w₁/w₀; focal's is α/(1 − α) = 1/3 at α = 0.25, and at γ = 2 an easy example keeps
/// (0.01·(0.1 − 1.8·ln 0.9)) / (0.25·(0.5 + ln 2)) = 0.0097105 of the gradient.
/// </summary>
public sealed class LossCardSentencesTests
{
    private const double FocalEasyShare = 0.0097105;

    /// <summary>10 positives and 990 negatives: 99 negatives per positive.</summary>
    private static LossMeasurements Measured(double ratio, double easyNegative, double easyPositive, long positives = 10, long negatives = 990) => new()
    {
        PositiveOverNegative = ratio, EasyShareNegative = easyNegative, EasySharePositive = easyPositive,
        TrainPositives = positives, TrainNegatives = negatives,
    };

    [Fact]
    public void Bce_weighs_classes_alike_and_discounts_easy_examples_as_bce_does()
    {
        Assert.Equal(
        [
            "At p_t = 0.5 a positive example pulls 1× as hard as a negative one: this loss weighs both classes alike "
                + "(the training data has 99 negatives per positive; 99× would give both classes the same total pull).",
            "An easy example (p_t = 0.9) keeps 20 % of the gradient of an undecided one (p_t = 0.5); BCE keeps 20 %, "
                + "so this loss discounts easy examples as BCE does.",
        ], LossCardSentences.Write(Measured(1, 0.2, 0.2)));
    }

    [Theory]
    [InlineData(99.0, "99")]
    [InlineData(3.0, "3")]
    [InlineData(8.0, "8")]
    public void Weighted_bce_up_weights_the_rare_positives(double ratio, string printed) =>
        Assert.StartsWith($"At p_t = 0.5 a positive example pulls {printed}× as hard as a negative one: it up-weights the rare positives",
            LossCardSentences.Write(Measured(ratio, 0.2, 0.2))[0]);

    [Fact]
    public void Focal_alpha_quarter_gamma_2_weights_the_rare_positives_less_and_discounts_easy_examples_more()
    {
        var sentences = LossCardSentences.Write(Measured(1.0 / 3, FocalEasyShare, FocalEasyShare));
        Assert.Equal(
        [
            "At p_t = 0.5 a positive example pulls 0.33× as hard as a negative one: this loss weights the rare positives less than the negatives "
                + "(the training data has 99 negatives per positive; 99× would give both classes the same total pull).",
            "An easy example (p_t = 0.9) keeps 0.97 % of the gradient of an undecided one (p_t = 0.5); BCE keeps 20 %, "
                + "so this loss discounts easy examples more than BCE.",
        ], sentences);
    }

    [Fact]
    public void A_loss_that_focuses_the_classes_differently_gets_one_clause_per_class()
    {
        // Like asymmetric's defaults: BCE-like for positives (20 %), far stronger discounting for negatives.
        var sentences = LossCardSentences.Write(Measured(1, 0.05, 0.2));
        Assert.Equal(
            "An easy positive (p_t = 0.9) keeps 20 % of the gradient of an undecided positive (p_t = 0.5), an easy negative 5 % of an undecided negative's; "
            + "BCE keeps 20 % for both, so for positives this loss discounts easy examples as BCE does, and for negatives it discounts easy examples more than BCE.",
            sentences[1]);
    }

    [Fact]
    public void With_more_positives_than_negatives_the_negatives_are_the_rare_class()
    {
        // Inverse-frequency weighted BCE on 990 positives and 10 negatives pulls a positive 1/99 as hard.
        var sentences = LossCardSentences.Write(Measured(1.0 / 99, 0.2, 0.2, positives: 990, negatives: 10));
        Assert.Equal("At p_t = 0.5 a positive example pulls 0.01× as hard as a negative one: it up-weights the rare negatives "
            + "(the training data has 99 positives per negative; 0.01× would give both classes the same total pull).", sentences[0]);
    }

    [Fact]
    public void Balanced_and_one_class_data_are_named_as_such()
    {
        Assert.Equal("At p_t = 0.5 a positive example pulls 2× as hard as a negative one: this loss weights positives more than negatives "
            + "(the training data has as many positives as negatives).", LossCardSentences.Write(Measured(2, 0.2, 0.2, 500, 500))[0]);
        Assert.Equal("At p_t = 0.5 a positive example pulls 0.5× as hard as a negative one: this loss weights positives less than negatives "
            + "(the training data has no positives).", LossCardSentences.Write(Measured(0.5, 0.2, 0.2, 0, 1000))[0]);
    }

    [Fact]
    public void A_quantity_that_is_not_finite_gets_no_sentence_and_no_measurements_none_at_all()
    {
        var focusingOnly = LossCardSentences.Write(Measured(double.NaN, 0.2, 0.2));
        Assert.Single(focusingOnly);
        Assert.StartsWith("An easy example (p_t = 0.9) keeps 20 %", focusingOnly[0]);
        var weightingOnly = LossCardSentences.Write(Measured(1, double.PositiveInfinity, 0.2));
        Assert.Single(weightingOnly);
        Assert.StartsWith("At p_t = 0.5 a positive example pulls 1×", weightingOnly[0]);
        Assert.Empty(LossCardSentences.Write(null));
    }
}
