using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class SignOffTests
{
    private static PredictionTable Table()
    {
        var random = new Random(8);
        const int rows = 3000;
        var labels = Enumerable.Range(0, rows).Select(i => i % 40 < 2 ? 1 : 0).ToArray();
        var scores = labels.Select(l => 1 / (1 + Math.Exp(-(-3 + 3.5 * l + 1.5 * (random.NextDouble() * 2 - 1))))).ToArray();
        var splits = Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "validation" : "test").ToArray();
        return new PredictionTable("scored.csv", labels, scores, splits);
    }

    private static ReviewResults Review(PredictionTable table, string gates, double? prevalence) =>
        ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            BootstrapResamples = 200, DeploymentPrevalence = prevalence, Gates = GateParser.Parse(JsonNode.Parse(gates), "gates.json"),
        }) with
        {
            Identity = new ReviewIdentity { DataPath = "/data/scored.csv", DataSha256 = new string('a', 64), ModelPath = "/models/m.pt", ModelSha256 = new string('b', 64) },
        };

    [Fact]
    public void The_sign_off_page_is_last_and_reads_back_with_gates_hashes_threshold_and_blank_fields()
    {
        var table = Table();
        var review = Review(table, """[{"metric": "recall", "at": "precision>=0.3", "min": 0.2}, {"metric": "brier", "max": 0.0001}]""", 0.002);
        var path = ReportOutput.PathFor("review-signoff.pdf");

        ReviewReport.Render(review, table, path);

        var pages = PdfText.Pages(path);
        var last = pages[^1];
        Assert.Contains("7. Sign-off", last);
        Assert.Contains("1 of 2 acceptance gates failed", last);
        Assert.Contains("recall at precision>=0.3 ≥ 0.2", last);
        Assert.Contains("brier ≤ 0.0001", last);
        Assert.Contains("PASS", last);
        Assert.Contains("FAIL", last);
        Assert.Contains(new string('a', 64), last);
        Assert.Contains(new string('b', 64), last);
        Assert.Contains($"{review.Shipped!.Threshold:F4} from precision>=0.3", last);
        Assert.Contains("validation: 1,500 rows", last);
        foreach (var field in (string[])["Reviewer name", "Date", "Decision", "Approve", "Reject", "Signature"])
            Assert.Contains(field, last);
        // The deployment page comes before it, with both prevalences side by side.
        Assert.Contains("6. At the deployment prevalence", pages[^2]);
        Assert.Contains("0.20% positives in deployment", pages[^2]);
        Assert.Contains("→", pages[^2]);
        // The summary names the failed gate up front.
        Assert.Contains("1 of 2 FAILED: brier ≤ 0.0001", pages[0]);
    }

    [Fact]
    public void Without_gates_there_is_no_sign_off_page()
    {
        var table = Table();
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 50 });
        var path = ReportOutput.PathFor("review-no-signoff.pdf");
        ReviewReport.Render(review, table, path);
        var text = string.Join(" ", PdfText.Pages(path));
        Assert.DoesNotContain("Sign-off", text);
        Assert.DoesNotContain("deployment prevalence", text);
    }

    [Fact]
    public void A_run_report_with_gates_ends_with_a_sign_off_page_per_loss_and_seed()
    {
        var (results, predictions) = ExperimentFixture.Build();
        var gate = new GateResult { Gate = "roc_auc ≥ 0.9", Metric = "roc_auc", Min = 0.9, Use = "value", Value = 0.93, Judged = 0.93, Passed = true, Interval = new Interval(0.93, 0.91, 0.95) };
        var failed = gate with { Gate = "ece ≤ 0.01", Metric = "ece", Min = null, Max = 0.01, Value = 0.02, Judged = 0.02, Passed = false, Reason = "the value 0.02 is above the maximum 0.01" };
        results = results with
        {
            Gates = [.. ExperimentFixture.Losses.Select(l => new LossGates { Loss = l, Seeds = 3, Passed = l != "focal", Results = l == "focal" ? [gate, failed] : [gate] })],
            GatesPassed = false,
            Dataset = results.Dataset with { Sha256 = new string('d', 64) },
        };
        var path = ReportOutput.PathFor("report-signoff.pdf");

        RunReport.Render(results, predictions, path);

        var pages = PdfText.Pages(path);
        var signOff = string.Join(" ", pages.SkipWhile(p => !p.Contains("Sign-off")));
        Assert.Contains("1 of 4 acceptance gates failed", signOff);
        Assert.Contains("focal: ece ≤ 0.01: the value 0.02 is above the maximum 0.01", signOff);
        Assert.Contains(new string('d', 64), signOff);
        Assert.Contains("weighted-bce, seed 2", signOff);
        Assert.Contains("Reviewer name", pages[^1]);
        Assert.Contains("FAILED by focal (ece ≤ 0.01); passed by bce, weighted-bce", pages[0]);
    }
}
