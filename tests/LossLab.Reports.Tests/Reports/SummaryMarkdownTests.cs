using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class SummaryMarkdownTests
{
    [Fact]
    public void Summary_holds_the_verdict_table_sentences_and_failures()
    {
        var (results, _) = ExperimentFixture.Build();
        var path = ReportOutput.PathFor("summary.md");

        SummaryMarkdown.Write(results, path);

        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {results.Title}", text);
        var tableRows = text.Split('\n').Where(l => l.StartsWith("| ") && ExperimentFixture.Losses.Any(loss => l.StartsWith($"| {loss} |"))).ToList();
        Assert.True(tableRows.Count >= 3, "one verdict row per loss");
        Assert.Contains("| focal | 2/3 |", text);
        Assert.Contains("▲", text);
        Assert.Contains("Accuracy is not reported as a headline", text);
        Assert.Contains(ExperimentFixture.FailedError, text);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, ".summary.md.*.tmp"));
    }
}
