using System.Globalization;
using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>Issue 7: every tuned objective is shown, not only the first.</summary>
public class TunedObjectivesTests
{
    private static readonly Lazy<(ExperimentResults Results, List<string> Pages)> Rendered = new(() =>
    {
        var (results, predictions) = ExperimentFixture.Build();
        var path = ReportOutput.PathFor("run-report-objectives.pdf");
        RunReport.Render(results, predictions, path);
        return (results, PdfText.Pages(path));
    });

    [Fact]
    public void The_summary_lists_each_objectives_threshold_per_loss_with_mean_and_sd()
    {
        var (results, pages) = Rendered.Value;
        var text = string.Join(" ", pages);
        var start = text.IndexOf("Every tuned threshold (3 objectives)", StringComparison.Ordinal);
        Assert.True(start >= 0, "no table of tuned thresholds");
        var table = text[start..];
        foreach (var objective in ExperimentFixture.Objectives)
            Assert.Contains(objective, table);

        // The youden threshold of weighted-bce, mean ± sd over its three seeds, as the table prints it.
        var thresholds = results.Runs.Where(r => r.Loss == "weighted-bce" && r.Status == RunStatus.Completed).Select(r => r.Thresholds["youden"].Threshold).ToList();
        var mean = thresholds.Average();
        var sd = Math.Sqrt(thresholds.Sum(t => (t - mean) * (t - mean)) / (thresholds.Count - 1));
        Assert.Contains($"{mean.ToString("F3", CultureInfo.InvariantCulture)} ± {sd.ToString("F3", CultureInfo.InvariantCulture)}", table);
    }

    [Fact]
    public void Histograms_and_threshold_curves_carry_a_key_naming_every_objective()
    {
        var pages = Rendered.Value.Pages;
        foreach (var heading in (string[])["5. Confidence", "7. Thresholds"])
        {
            var page = pages.First(p => p.Contains(heading, StringComparison.Ordinal));
            foreach (var objective in ExperimentFixture.Objectives)
                Assert.Contains($"tuned for {objective}", page);
        }
    }
}
