using Xunit;
using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Reports.Tests.Fixtures;

namespace LossLab.Reports.Tests.Support;

/// <summary>A run report of the committed fixture and a review report with a gate and a prevalence, each rendered once for the tests that read PDFs back.</summary>
internal static class RenderedReports
{
    private static readonly Lazy<string> RunPdf = new(() =>
    {
        var (results, predictions) = ExperimentFixture.Build();
        var path = ReportOutput.PathFor("run-report-read-back.pdf");
        RunReport.Render(results, predictions, path);
        return path;
    });

    private static readonly Lazy<string> ReviewPdf = new(() =>
    {
        var table = ReviewTables.TwoSplits();
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            BootstrapResamples = 50, DeploymentPrevalence = 0.002,
            Gates = GateParser.Parse(JsonNode.Parse("""[{"metric": "recall", "at": "precision>=0.5", "min": 0.1}]"""), "gates.json"),
        });
        var path = ReportOutput.PathFor("review-read-back.pdf");
        ReviewReport.Render(review, table, path);
        return path;
    });

    public static TheoryData<string> Kinds => ["run", "review"];

    /// <param name="report">"run" or "review".</param>
    public static string PathOf(string report) => report == "run" ? RunPdf.Value : ReviewPdf.Value;
}
