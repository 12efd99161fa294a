using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class LossCardTests
{
    private static readonly Lazy<string> CardsText = new(() =>
    {
        var (results, predictions) = ExperimentFixture.Build();
        var path = ReportOutput.PathFor("run-report-cards.pdf");
        RunReport.Render(results, predictions, path);
        return Cards(PdfText.Pages(path));
    });

    private static string Cards(List<string> pages)
    {
        var text = string.Join(" ", pages);
        var start = text.IndexOf("The losses compared", StringComparison.Ordinal);
        Assert.True(start >= 0, "no loss cards");
        return text[start..text.IndexOf("3. Training", StringComparison.Ordinal)];
    }

    [Fact]
    public void Every_loss_has_a_card_with_its_name_and_plugin()
    {
        foreach (var loss in ExperimentFixture.Losses)
            Assert.Contains(loss, CardsText.Value);
        Assert.Contains("focal-g2 plugin focal", CardsText.Value);
        Assert.Contains("weighted-bce plugin weighted-bce", CardsText.Value);
    }

    [Fact]
    public void The_focal_card_reads_back_formula_options_meanings_sentences_and_source()
    {
        var text = CardsText.Value;
        var (results, _) = ExperimentFixture.Build();
        var focal = results.Losses.Single(l => l.Name == "focal-g2");
        var train = results.Dataset.Splits["train"];
        Assert.Contains("FL = −α_t·(1 − p_t)^γ·log p_t, α_t = α for positives and 1 − α for negatives", text);
        Assert.Contains("alpha 0.25 Weight α of positives in [0, 1]", text);
        Assert.Contains("gamma 2 Focusing parameter γ ≥ 0", text);
        // α/(1 − α) = 1/3 at α = 0.25, against the run's own training split; at γ = 2 an easy example keeps 0.97 % (see LossCardSentencesTests).
        var perPositive = train.Negatives / (double)train.Positives;
        Assert.Contains("For this data", text);
        Assert.Contains("At p_t = 0.5 a positive example pulls 0.33× as hard as a negative one: this loss weights the rare positives less than the negatives "
            + $"(the training data has {perPositive:0} negatives per positive; {perPositive:0}× would give both classes the same total pull).", text);
        Assert.Contains("An easy example (p_t = 0.9) keeps 0.97 % of the gradient of an undecided one (p_t = 0.5); BCE keeps 20 %, "
            + "so this loss discounts easy examples more than BCE.", text);
        Assert.Matches("^[0-9a-f]{64}$", focal.Sha256);
        Assert.Contains($"Source: LossLab.Plugins.Losses.dll · SHA-256 {focal.Sha256}", text);
    }

    [Fact]
    public void A_card_without_measurements_has_no_sentences()
    {
        var (results, predictions) = ExperimentFixture.Build();
        var unmeasured = results with { Losses = results.Losses.Select(l => l with { Measurements = null }).ToList() };
        var path = ReportOutput.PathFor("run-report-cards-unmeasured.pdf");

        RunReport.Render(unmeasured, predictions, path);

        var text = Cards(PdfText.Pages(path));
        Assert.Contains("focal-g2 plugin focal", text);
        Assert.DoesNotContain("For this data", text);
        Assert.DoesNotContain("At p_t = 0.5 a positive example pulls", text);
    }

    [Fact]
    public void A_plugin_without_a_formula_shows_its_description_instead()
    {
        var (results, predictions) = ExperimentFixture.Build();
        var thirdParty = results with
        {
            Losses = results.Losses.Select(l => l.Name == "focal-g2" ? l with { Formula = "", OptionHelp = [], Measurements = null, Sha256 = "" } : l).ToList(),
        };
        var path = ReportOutput.PathFor("run-report-cards-third-party.pdf");

        RunReport.Render(thirdParty, predictions, path);

        var text = string.Join(" ", PdfText.Pages(path));
        Assert.Contains("Description (the plugin gives no formula) Focal loss (Lin et al. 2017)", text);
        Assert.Contains("(the plugin does not describe it)", text);
        Assert.Contains("LossLab.Plugins.Losses.dll · no SHA-256 recorded", text);
        Assert.DoesNotContain("FL = −α_t·(1 − p_t)^γ·log p_t", text);
    }
}
