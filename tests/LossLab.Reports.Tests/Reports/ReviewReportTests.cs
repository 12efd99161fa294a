using LossLab.Evaluation;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class ReviewReportTests
{
    private static PredictionTable Table(bool withSplits)
    {
        var random = new Random(5);
        const int rows = 4000;
        var labels = Enumerable.Range(0, rows).Select(i => i % 50 == 0 ? 1 : 0).ToArray();
        var scores = labels.Select(l => 1 / (1 + Math.Exp(-(-4 + 3.2 * l + 1.2 * (random.NextDouble() * 2 - 1) * 2)))).ToArray();
        var splits = withSplits ? Enumerable.Range(0, rows).Select(i => i % 7 < 4 ? "validation" : "test").ToArray() : null;
        return new PredictionTable("scored.csv", labels, scores, splits);
    }

    [Fact]
    public void A_review_without_splits_warns_that_it_is_optimistic()
    {
        var table = Table(withSplits: false);
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 200 });
        var path = ReportOutput.PathFor("review-optimistic.pdf");

        ReviewReport.Render(review, table, path);

        var pages = PdfText.Pages(path);
        var text = string.Join(" ", pages);
        Assert.Contains("Optimistic: tuned and judged on the same rows", text);
        foreach (var heading in new[] { "1. Summary", "2. Ranking", "3. Confidence and calibration", "4. Thresholds", "5. Reproducibility" })
            Assert.Contains(heading, text);
        Assert.Contains("max_f1", text);
        Assert.Contains($"Page 1 of {pages.Count}", pages[0]);
    }

    [Fact]
    public void A_review_with_splits_has_no_optimism_warning()
    {
        var table = Table(withSplits: true);
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 200 });
        var path = ReportOutput.PathFor("review-split.pdf");

        ReviewReport.Render(review, table, path);

        var text = string.Join(" ", PdfText.Pages(path));
        Assert.DoesNotContain("Optimistic: tuned and judged", text);
        Assert.Contains("validation", text);
    }
}
