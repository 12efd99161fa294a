using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>Issue 17: findings never rank losses worse than chance without saying so, and follow one calibration rule.</summary>
public class HonestFindingsTests
{
    private static ExperimentResults WithTestMeans(string metric, params (string Loss, double Mean)[] means)
    {
        var (results, _) = ExperimentFixture.Build();
        return results with
        {
            Aggregates = [.. results.Aggregates.Select(a => means.FirstOrDefault(m => m.Loss == a.Loss) is { Loss: not null } m
                ? a with { Test = new Dictionary<string, Statistic>(a.Test) { [metric] = new Statistic(m.Mean, 0.01, m.Mean, m.Mean, a.CompletedRuns) } }
                : a)],
            // The fixture's bootstrap would otherwise speak for the fixture's own numbers.
            Bootstrap = null,
        };
    }

    [Fact]
    public void The_issue_case_bce_with_ece_0_079_is_not_called_best_calibrated_and_poor_in_the_same_summary()
    {
        var results = WithTestMeans("ece", ("bce", 0.079), ("weighted-bce", 0.2), ("focal-g2", 0.11));
        var text = SummaryMarkdown.Build(results);
        Assert.DoesNotContain("best calibrated", text);
        Assert.Contains("No loss is well calibrated (mean test ECE above 0.050 for bce (ECE 0.079)", text);
    }

    [Fact]
    public void Best_calibrated_names_only_a_well_calibrated_loss_and_never_lists_it_as_poor()
    {
        var results = WithTestMeans("ece", ("bce", 0.03), ("weighted-bce", 0.2), ("focal-g2", 0.079));
        var sentence = SummaryMarkdown.Build(results).Split('\n').Single(l => l.Contains("best calibrated"));
        Assert.Contains("bce is the best calibrated (ECE 0.030, at most 0.050).", sentence);
        Assert.Contains("Scores of weighted-bce (ECE 0.200), focal-g2 (ECE 0.079) should not be read as probabilities", sentence);
        Assert.DoesNotContain("bce (ECE 0.030)", sentence.Split("Scores of")[1]);
    }

    [Fact]
    public void Losses_worse_than_chance_are_not_ranked_and_are_named()
    {
        var all = SummaryMarkdown.Build(WithTestMeans("roc_auc", ("bce", 0.45), ("weighted-bce", 0.49), ("focal-g2", 0.488)));
        Assert.Contains("Every loss ranks worse than chance on test (bce ROC-AUC 0.450, weighted-bce ROC-AUC 0.490, focal-g2 ROC-AUC 0.488)", all);
        Assert.DoesNotContain("ranks best", all);
        Assert.DoesNotContain("ROC-AUC is highest", all);

        var one = SummaryMarkdown.Build(WithTestMeans("roc_auc", ("focal-g2", 0.488)));
        Assert.Contains("focal-g2 (ROC-AUC 0.488) ranks worse than chance on test and is left out of the rankings below.", one);
        Assert.DoesNotContain("focal-g2 ranks best", one);
    }

    [Fact]
    public void A_bootstrap_difference_between_losses_worse_than_chance_says_so()
    {
        var (results, _) = ExperimentFixture.Build();
        var bootstrap = results.Bootstrap! with
        {
            Baseline = "bce",
            Differences = new() { ["focal-g2"] = new() { ["roc_auc"] = new PairedDifference(0.049, 0.034, 0.064, "better") } },
        };
        results = results with
        {
            Bootstrap = bootstrap,
            Warnings = [new(WarningCodes.WorseThanChance, "bce", null, "bce below chance"), new(WarningCodes.WorseThanChance, "focal-g2", 1, "focal below chance")],
        };
        var text = SummaryMarkdown.Build(results);
        Assert.Contains("focal-g2 is better on ROC-AUC (+0.049, 95% CI [+0.034, +0.064]), although focal-g2 and bce are worse than chance on test", text);
    }

    [Fact]
    public void Warnings_come_first_in_summary_md_and_in_the_report()
    {
        var (results, predictions) = ExperimentFixture.Build();
        results = results with { Warnings = [new(WarningCodes.FewTestPositives, null, null, "the test split holds 7 positive(s)")] };
        var text = SummaryMarkdown.Build(results);
        Assert.True(text.IndexOf("## Warnings", StringComparison.Ordinal) is > 0 and var w && w < text.IndexOf("## Setup", StringComparison.Ordinal));
        Assert.Contains("- **few_test_positives**: the test split holds 7 positive(s)", text);
        // The setup shows the training as run (the fixture sets the seed study's: last epoch, no early stopping).
        Assert.Contains("- **Training**: 15 epochs at most, batches of 128, adam learning rate 0.01; scored at the last epoch; no early stopping", text);
        var pdf = Support.ReportOutput.PathFor("warnings.pdf");
        RunReport.Render(results, predictions, pdf);
        var first = Support.PdfText.Pages(pdf)[0];
        Assert.Contains("few_test_positives", first);
        // The training figure's caption says what its diamonds mark: each run's scored epoch.
        Assert.Contains(Support.PdfText.Pages(pdf), p => p.Contains("diamonds mark", StringComparison.Ordinal));
    }
}
