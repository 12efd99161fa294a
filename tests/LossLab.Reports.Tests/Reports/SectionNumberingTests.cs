using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using UglyToad.PdfPig;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>
/// Both reports, with every optional section present, read back from the PDF: the section headings (the 16 pt lines)
/// are numbered 1, 2, … with no gap, and every figure caption carries the number of the section it sits in.
/// </summary>
public sealed partial class SectionNumberingTests
{
    private const float HeadingSize = 16;

    [Fact]
    public void A_run_report_with_deployment_and_sign_off_numbers_its_sections_from_1_without_gaps()
    {
        var path = ReportOutput.PathFor("run-report-numbering.pdf");
        RunReport.Render(RunWithDeploymentAndGates(out var predictions), predictions, path);

        var headings = Headings(path);

        AssertConsecutiveFrom1(headings);
        Assert.Equal(
            ["Summary", "Loss shapes", "Training", "Ranking", "Confidence", "Calibration", "Thresholds", "Decision boundaries",
             "Reproducibility", "At the deployment prevalence", "Sign-off"],
            headings.Select(h => h.Title));
        AssertFiguresCarryTheirSectionNumber(path, headings);
    }

    [Fact]
    public void A_review_with_deployment_and_sign_off_numbers_its_sections_from_1_without_gaps()
    {
        var table = ReviewTable();
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            BootstrapResamples = 50, DeploymentPrevalence = 0.002,
            Gates = GateParser.Parse(JsonNode.Parse("""[{"metric": "roc_auc", "min": 0.5}]"""), "gates.json"),
        });
        var path = ReportOutput.PathFor("review-numbering.pdf");
        ReviewReport.Render(review, table, path);

        var headings = Headings(path);

        AssertConsecutiveFrom1(headings);
        Assert.Equal(
            ["Summary", "Ranking", "Confidence and calibration", "Thresholds", "Reproducibility", "At the deployment prevalence", "Sign-off"],
            headings.Select(h => h.Title));
        AssertFiguresCarryTheirSectionNumber(path, headings);
    }

    [Fact]
    public void A_review_without_optional_sections_still_numbers_from_1_without_gaps()
    {
        var table = ReviewTable();
        var path = ReportOutput.PathFor("review-numbering-plain.pdf");
        ReviewReport.Render(ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 0 }), table, path);

        var headings = Headings(path);

        AssertConsecutiveFrom1(headings);
        Assert.Equal(5, headings.Count);
    }

    private static void AssertConsecutiveFrom1(List<(int Number, string Title)> headings)
    {
        Assert.NotEmpty(headings);
        Assert.Equal(Enumerable.Range(1, headings.Count), headings.Select(h => h.Number));
    }

    /// <summary>"Figure 7a." must sit after heading 7 and before heading 8.</summary>
    private static void AssertFiguresCarryTheirSectionNumber(string path, List<(int Number, string Title)> headings)
    {
        var text = string.Join(" ", PdfText.Pages(path));
        var starts = headings.Select(h => text.IndexOf($"{h.Number}. {h.Title}", StringComparison.Ordinal)).ToList();
        Assert.All(starts, s => Assert.True(s >= 0));
        var figures = FigureLabel().Matches(text);
        Assert.NotEmpty(figures);
        foreach (Match figure in figures)
        {
            var section = starts.Count(s => s < figure.Index);
            Assert.True(int.Parse(figure.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == section,
                $"'{figure.Value}' is in section {section}");
        }
    }

    /// <summary>The text of each line set at heading size, in reading order, split into its number and title.</summary>
    private static List<(int Number, string Title)> Headings(string path)
    {
        using var document = PdfDocument.Open(path);
        var headings = new List<(int, string)>();
        foreach (var page in document.GetPages())
        {
            var lines = page.GetWords()
                .Where(w => w.Letters.All(l => Math.Abs(l.PointSize - HeadingSize) < 0.5))
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(line => line.Key);
            foreach (var line in lines)
            {
                var text = string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
                var match = NumberedHeading().Match(text);
                Assert.True(match.Success, $"heading without a number: '{text}'");
                headings.Add((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value));
            }
        }
        return headings;
    }

    private static ExperimentResults RunWithDeploymentAndGates(out List<Prediction> predictions)
    {
        var (results, all) = ExperimentFixture.Build();
        predictions = all;
        var runs = results.Runs.Select(r =>
        {
            if (r.Status != RunStatus.Completed) return r;
            var test = all.Where(p => p.Split == "test" && p.Loss == r.Loss && p.Seed == r.Seed).ToList();
            var rows = new RankedRows([.. test.Select(p => p.Label)], [.. test.Select(p => p.Score)]);
            return r with { Deployment = DeploymentAnalysis.Analyze(rows, 0.002, r.Thresholds) };
        }).ToList();
        var gate = new GateResult { Gate = "roc_auc ≥ 0.5", Metric = "roc_auc", Min = 0.5, Use = "value", Value = 0.9, Judged = 0.9, Passed = true };
        return results with
        {
            Runs = runs, Prevalence = 0.002,
            Gates = [.. ExperimentFixture.Losses.Select(l => new LossGates { Loss = l, Seeds = 3, Passed = true, Results = [gate] })],
            GatesPassed = true,
        };
    }

    private static PredictionTable ReviewTable() => ReviewTables.TwoSplits();

    [GeneratedRegex(@"^(\d+)\. (.+)$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"Figure (\d+)[a-z]?\.")]
    private static partial Regex FigureLabel();
}
