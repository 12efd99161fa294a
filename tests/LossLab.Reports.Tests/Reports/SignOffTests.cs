using System.Globalization;
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
            Identity = new ReviewIdentity
            {
                DataPath = "/data/scored.csv", DataSha256 = new string('a', 64), ModelPath = "/models/m.pt", ModelSha256 = new string('b', 64),
                Filters = ["loss=focal", "seed=2"], RowsSha256 = new string('c', 64), SplitColumn = "split", SplitColumnChoice = "--split-column",
                ScoredDataPath = "/data/rows.csv", ScoredDataSha256 = new string('d', 64), ScoresProducedBy = "losslab predict",
            },
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
        Assert.Contains("--where loss=focal, --where seed=2", last);
        Assert.Contains(new string('c', 64), last);
        Assert.Contains(new string('d', 64), last);
        Assert.Contains("Scores produced by", last);
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
        // The real run judges roc_auc ≥ 0.75, ece ≤ 0.05 and precision at max_f1 at the deployment prevalence ≥ 0.3
        // for each of its 3 losses; bce passes all three, weighted-bce and focal-g2 fail ece (0.1285 and 0.0967).
        var (results, predictions) = ExperimentFixture.Build();
        Assert.Equal([true, false, false], results.Gates.Select(g => g.Passed));
        var path = ReportOutput.PathFor("report-signoff.pdf");

        RunReport.Render(results, predictions, path);

        var pages = PdfText.Pages(path);
        var signOff = string.Join(" ", pages.SkipWhile(p => !p.Contains("11. Sign-off")));
        Assert.Contains("2 of 9 acceptance gates failed", signOff);
        Assert.Contains("weighted-bce: ece ≤ 0.05: the value 0.1285 is above the maximum 0.05", signOff);
        Assert.Contains("focal-g2: ece ≤ 0.05: the value 0.0967 is above the maximum 0.05", signOff);
        Assert.Matches("^[0-9a-f]{64}$", results.Dataset.Sha256);
        Assert.Contains(results.Dataset.Sha256, signOff);
        foreach (var run in results.Runs)
            Assert.Contains($"{run.Loss}, seed {run.Seed} threshold {run.Thresholds["max_f1"].Threshold.ToString("F4", CultureInfo.InvariantCulture)} (max_f1, tuned on validation of seed {run.Seed}); {run.ModelPath} SHA-256 {run.ModelSha256}", signOff);
        Assert.Contains("Reviewer name", pages[^1]);
        // In the summary's setup facts, which the contents block and the warnings may push past page 1.
        var summary = string.Join(" ", pages.TakeWhile(p => !p.Contains("2. Loss shapes", StringComparison.Ordinal)).Append(pages.First(p => p.Contains("2. Loss shapes", StringComparison.Ordinal))));
        Assert.Contains("FAILED by weighted-bce (ece ≤ 0.05), focal-g2 (ece ≤ 0.05); passed by bce", summary);
        // The deployment page comes before it, with both prevalences side by side.
        var deployment = pages.Single(p => p.Contains("At the deployment prevalence The model will meet", StringComparison.Ordinal));
        Assert.Contains("0.50% positives in deployment", deployment);
        Assert.Contains("→", deployment);
        Assert.True(pages.IndexOf(deployment) < pages.FindIndex(p => p.Contains("11. Sign-off")));
    }
}
