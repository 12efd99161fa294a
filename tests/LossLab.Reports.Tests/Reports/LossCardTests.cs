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
        var text = string.Join(" ", PdfText.Pages(path));
        var start = text.IndexOf("The losses compared", StringComparison.Ordinal);
        Assert.True(start >= 0, "no loss cards");
        return text[start..text.IndexOf("3. Training", StringComparison.Ordinal)];
    });

    [Fact]
    public void Every_loss_has_a_card_with_its_name_and_plugin()
    {
        foreach (var loss in ExperimentFixture.Losses)
            Assert.Contains(loss, CardsText.Value);
        Assert.Contains("plugin focal", CardsText.Value);
    }

    [Fact]
    public void The_focal_card_reads_back_formula_options_meanings_notes_and_source()
    {
        var text = CardsText.Value;
        Assert.Contains(ExperimentFixture.FocalFormula, text);
        Assert.Contains("gamma 2 Focusing parameter γ ≥ 0", text);
        Assert.Contains("alpha 0.25 Weight α of the positive class", text);
        Assert.Contains(ExperimentFixture.FocalNote, text);
        Assert.Contains($"Source: LossLab.Losses.Focal.dll · SHA-256 {ExperimentFixture.FocalSha256}", text);
    }

    [Fact]
    public void A_plugin_without_a_formula_shows_its_description_instead()
    {
        var (results, predictions) = ExperimentFixture.Build();
        var thirdParty = results with
        {
            Losses = results.Losses.Select(l => l.Name == "focal" ? l with { Formula = "", OptionHelp = [], Notes = [], Sha256 = "" } : l).ToList(),
        };
        var path = ReportOutput.PathFor("run-report-cards-third-party.pdf");

        RunReport.Render(thirdParty, predictions, path);

        var text = string.Join(" ", PdfText.Pages(path));
        Assert.Contains("Description (the plugin gives no formula) Focal loss (Lin et al. 2017)", text);
        Assert.Contains("(the plugin does not describe it)", text);
        Assert.Contains("LossLab.Losses.Focal.dll · no SHA-256 recorded", text);
        Assert.DoesNotContain(ExperimentFixture.FocalFormula, text);
    }
}
