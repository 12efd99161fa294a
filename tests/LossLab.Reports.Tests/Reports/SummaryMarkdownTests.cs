using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class SummaryMarkdownTests
{
    [Fact]
    public void Summary_holds_the_verdict_table_sentences_and_failures()
    {
        var (results, _) = ExperimentFixture.WithFailedRun();
        var path = ReportOutput.PathFor("summary.md");

        SummaryMarkdown.Write(results, path);

        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {results.Title}", text);
        var tableRows = text.Split('\n').Where(l => l.StartsWith("| ") && ExperimentFixture.Losses.Any(loss => l.StartsWith($"| {loss} |"))).ToList();
        Assert.True(tableRows.Count >= 3, "one verdict row per loss");
        Assert.Contains("| focal-g2 | 1/2 |", text);
        Assert.Contains("| bce | 2/2 |", text);
        Assert.Contains("▲", text);
        Assert.Contains("Accuracy is not reported as a headline", text);
        Assert.Contains(ExperimentFixture.FailedError, text);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, ".summary.md.*.tmp"));
    }

    [Fact]
    public void Skipped_inputs_and_augmentation_are_named_in_the_setup_facts()
    {
        var (results, _) = ExperimentFixture.Build();
        Assert.DoesNotContain("Skipped", SummaryMarkdown.Build(results));
        var skipped = Enumerable.Range(0, 10).Select(i => new LossLab.Evaluation.Results.SkippedInputSummary($"neg/{i}.jpg", "not a decodable PNG or JPEG")).ToList();
        results = results with
        {
            Dataset = results.Dataset with { SkippedInputs = skipped },
            Experiment = results.Experiment with { Training = results.Experiment.Training with { Augment = true } },
        };
        var text = SummaryMarkdown.Build(results);
        Assert.Contains("10 unusable inputs left out: neg/0.jpg (not a decodable PNG or JPEG); neg/1.jpg", text);
        Assert.Contains("neg/7.jpg (not a decodable PNG or JPEG); and 2 more (results.json lists every one)", text);
        Assert.DoesNotContain("neg/8.jpg", text);
        Assert.Contains("randomly resized-cropped", text);
    }

    [Fact]
    public void Summary_lists_each_loss_gate_with_pass_or_fail()
    {
        var (results, _) = ExperimentFixture.Build();
        var pass = new LossLab.Evaluation.Results.GateResult { Gate = "roc_auc ≥ 0.9", Metric = "roc_auc", Use = "value", Value = 0.93, Judged = 0.93, Passed = true };
        var fail = pass with { Gate = "ece ≤ 0.01", Metric = "ece", Value = 0.02, Judged = 0.02, Passed = false };
        results = results with
        {
            Gates = [new() { Loss = "bce", Passed = true, Results = [pass] }, new() { Loss = "focal", Passed = false, Results = [pass, fail] }],
            GatesPassed = false,
        };
        var text = SummaryMarkdown.Build(results);
        Assert.Contains("## Acceptance gates", text);
        Assert.Contains("**1 gate result(s) failed.**", text);
        Assert.Contains("| bce | roc_auc ≥ 0.9 | 0.930 | — | 0.930 | PASS |", text);
        Assert.Contains("| focal | ece ≤ 0.01 | 0.020 | — | 0.020 | FAIL |", text);
        Assert.DoesNotContain("Acceptance gates", SummaryMarkdown.Build(results with { Gates = [], GatesPassed = null }));
    }
}
