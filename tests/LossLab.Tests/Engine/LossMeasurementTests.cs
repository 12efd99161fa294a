using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Engine;

/// <summary>
/// The loss card's measurements, checked against hand-derived gradients. With p_t = σ(z), z the true-class logit:
/// BCE: |∂L/∂z| = 1 − p_t, so p_t = 0.9 keeps 0.1/0.5 = 20 % of the gradient at p_t = 0.5, for either class.
/// Weighted BCE: w_y·(1 − p_t), so a positive pulls w₁/w₀ as hard as a negative.
/// Focal (Lin et al. 2017): FL = −α_t·(1 − p_t)^γ·log p_t gives
/// |∂FL/∂z| = α_t·(1 − p_t)^γ·[(1 − p_t) − γ·p_t·log p_t], so positives pull α/(1 − α) as hard as negatives.
/// The sentences written from these numbers are tested in the Reports tests (LossCardSentencesTests).
/// </summary>
public sealed class LossMeasurementTests
{
    /// <summary>990 negatives and 10 positives: 99 negatives per positive.</summary>
    private static readonly ClassCounts Counts = new(990, 10);

    private static LossPlugin Loss(string name, string options = "{}")
    {
        var problems = new List<string>();
        var loss = StandardPlugins.Catalog.Get(PluginKind.Loss, name).Configure<LossPlugin>(JsonNode.Parse(options)!.AsObject(), problems);
        Assert.Empty(problems);
        return loss!;
    }

    private static double FocalGradient(double pt, double alphaT, double gamma) =>
        alphaT * Math.Pow(1 - pt, gamma) * ((1 - pt) - gamma * pt * Math.Log(pt));

    [Fact]
    public void Bce_weighs_classes_alike_and_keeps_20_percent_at_an_easy_example()
    {
        var m = LossMeasurement.Of(Loss("bce"), Counts);
        Assert.Equal(1, m.PositiveOverNegative, 12);
        Assert.Equal(0.2, m.EasyShareNegative, 12);
        Assert.Equal(0.2, m.EasySharePositive, 12);
    }

    [Fact]
    public void The_measurements_record_the_training_counts_they_were_set_against()
    {
        var m = LossMeasurement.Of(Loss("bce"), Counts);
        Assert.Equal(10, m.TrainPositives);
        Assert.Equal(990, m.TrainNegatives);
    }

    [Theory]
    [InlineData("{}", 99.0)] // inverse frequency: (1000/20) / (1000/1980) = 1980/20
    [InlineData("""{ "positive_weight": 3 }""", 3.0)]
    [InlineData("""{ "positive_weight": 2, "negative_weight": 0.25 }""", 8.0)]
    public void Weighted_bce_pulls_positives_by_the_weight_ratio(string options, double ratio)
    {
        var m = LossMeasurement.Of(Loss("weighted-bce", options), Counts);
        Assert.Equal(ratio, m.PositiveOverNegative, 10);
        Assert.Equal(0.2, m.EasyShareNegative, 12);
        Assert.Equal(0.2, m.EasySharePositive, 12);
    }

    [Fact]
    public void Weighted_bce_with_more_positives_than_negatives_pulls_positives_by_the_inverse_frequency()
    {
        // Inverse frequency with 990 positives and 10 negatives: (1000/1980) / (1000/20) = 20/1980 = 1/99.
        var m = LossMeasurement.Of(Loss("weighted-bce"), new ClassCounts(10, 990));
        Assert.Equal(1.0 / 99, m.PositiveOverNegative, 12);
    }

    [Fact]
    public void Focal_alpha_quarter_gamma_2_matches_the_closed_form()
    {
        var m = LossMeasurement.Of(Loss("focal", """{ "alpha": 0.25, "gamma": 2 }"""), Counts);
        Assert.Equal(1.0 / 3, m.PositiveOverNegative, 12);
        // (0.01·(0.1 − 1.8·ln 0.9)) / (0.25·(0.5 + ln 2)) = 0.0028965 / 0.2982868 = 0.0097105; α_t cancels within a class.
        var share = FocalGradient(0.9, 1, 2) / FocalGradient(0.5, 1, 2);
        Assert.Equal(0.0097105, share, 6);
        Assert.Equal(share, m.EasyShareNegative, 12);
        Assert.Equal(share, m.EasySharePositive, 12);
    }

    [Fact]
    public void Asymmetric_focuses_the_classes_differently()
    {
        // Asymmetric default: γ₊ = 0 (BCE-like for positives), γ₋ = 4 with margin 0.05 for negatives, so an easy
        // negative keeps far less than BCE's 20 % while an easy positive keeps BCE's 20 %.
        var m = LossMeasurement.Of(Loss("asymmetric"), Counts);
        Assert.Equal(0.2, m.EasySharePositive, 12);
        Assert.True(m.EasyShareNegative < 0.2 * 0.98, $"easy negative keeps {m.EasyShareNegative}");
    }

    [Theory]
    [InlineData("bce", "{}")]
    [InlineData("focal", """{ "alpha": 0.25, "gamma": 2 }""")]
    [InlineData("focal", """{ "alpha": 0.8, "gamma": 0.5 }""")]
    [InlineData("asymmetric", "{}")]
    [InlineData("poly1", "{}")]
    public void Measurements_agree_with_central_finite_differences(string name, string options)
    {
        const double h = 1e-6;
        var loss = Loss(name, options);
        var easy = Math.Log(9);
        double[] logits = [0, easy, 0, -easy], targets = [1, 1, 0, 0];
        var above = LossProbe.Evaluate(loss, [.. logits.Select(x => x + h)], targets, Counts).Loss;
        var below = LossProbe.Evaluate(loss, [.. logits.Select(x => x - h)], targets, Counts).Loss;
        var g = above.Zip(below, (a, b) => Math.Abs((a - b) / (2 * h))).ToArray();
        var m = LossMeasurement.Of(loss, Counts);
        Assert.Equal(g[0] / g[2], m.PositiveOverNegative, 6);
        Assert.Equal(g[3] / g[2], m.EasyShareNegative, 6);
        Assert.Equal(g[1] / g[0], m.EasySharePositive, 6);
    }

    [Fact]
    public void A_run_records_formula_option_help_and_measurements_for_each_loss()
    {
        using var temp = new TempFolder();
        SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json("bce", "focal")), temp.Path);
        var saved = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(Path.Combine(temp.Path, "results.json")));
        var focal = saved.Losses.Single(l => l.Name == "focal");
        Assert.Equal("FL = −α_t·(1 − p_t)^γ·log p_t, α_t = α for positives and 1 − α for negatives", focal.Formula);
        Assert.Equal(["alpha", "gamma"], focal.OptionHelp.Keys.Order());
        Assert.StartsWith("Weight α of positives", focal.OptionHelp["alpha"]);
        Assert.Equal(saved.LossOptions("focal").Select(o => o.Key).Order(), focal.OptionHelp.Keys.Order());
        // The focal plugin's defaults, α = 0.25 and γ = 2: α/(1 − α) = 1/3, and the closed-form easy share.
        var m = focal.Measurements!;
        Assert.Equal(1.0 / 3, m.PositiveOverNegative, 12);
        Assert.Equal(FocalGradient(0.9, 1, 2) / FocalGradient(0.5, 1, 2), m.EasySharePositive, 12);
        var train = saved.Dataset.Splits["train"];
        Assert.Equal(train.Positives, m.TrainPositives);
        Assert.Equal(train.Negatives, m.TrainNegatives);
        Assert.Equal(1, saved.Losses.Single(l => l.Name == "bce").Measurements!.PositiveOverNegative, 12);
        Assert.NotEmpty(saved.Losses.Single(l => l.Name == "bce").Formula);
    }
}
