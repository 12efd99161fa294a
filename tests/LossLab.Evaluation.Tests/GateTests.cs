using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class GateTests
{
    // Four positives, six negatives. Worked out by hand:
    // at 0.5: TP 3 (0.9, 0.8, 0.7), FP 1 (0.6) → recall 0.75, precision 0.75.
    // AUC: 6 + 6 + 6 + 4 (0.3 beats 0.2, 0.1, 0.1, 0.05) winning pairs of 24 = 22/24.
    // precision>=0.7: thresholds 0.7 and 0.6 both reach recall 0.75 (precision 1 and 0.75); 0.7, the higher, wins.
    private static readonly PredictionTable Table = new("model.csv",
        [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
        [0.9, 0.8, 0.7, 0.3, 0.6, 0.4, 0.2, 0.1, 0.1, 0.05], null);

    private static IReadOnlyList<Gate> Gates(string json) => GateParser.Parse(JsonNode.Parse(json), "gates.json");

    private static ReviewResults Review(string gates, int resamples = 200) =>
        ReviewAnalyzer.Analyze(Table, new ReviewOptions { BootstrapResamples = resamples, Gates = Gates(gates) });

    [Fact]
    public void Parse_reads_the_issue_example()
    {
        var gates = Gates("""
            [ { "metric": "recall", "at": "precision >= 0.5", "min": 0.9 },
              { "metric": "ece", "max": 0.05 },
              { "metric": "roc_auc", "min": 0.85, "use": "lower_ci" } ]
            """);
        Assert.Equal(
            [new Gate("recall", "precision>=0.5", 0.9, null, GateBasis.Value), new Gate("ece", null, null, 0.05, GateBasis.Value),
             new Gate("roc_auc", null, 0.85, null, GateBasis.LowerCi)], gates);
        Assert.Equal("recall at precision>=0.5 ≥ 0.9", gates[0].Description);
        Assert.Equal("roc_auc ≥ 0.85 (lower CI)", gates[2].Description);
    }

    [Fact]
    public void ToJson_writes_what_Parse_reads_back()
    {
        var gates = Gates("""
            [ { "metric": "recall", "at": "precision >= 0.5", "min": 0.9 },
              { "metric": "ece", "max": 0.05, "use": "upper_ci" },
              { "metric": "precision", "at": "max_f1", "min": 0.1, "max": 0.9, "prevalence": "deployment" } ]
            """);
        var written = new JsonArray([.. gates.Select(g => (JsonNode)GateParser.ToJson(g))]);
        Assert.Equal(gates, GateParser.Parse(written, "written"));
        Assert.Equal("""{"metric":"ece","max":0.05,"use":"upper_ci"}""", written[1]!.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"metric": "recal", "min": 0.9}]""", "gates[0].metric: unknown metric 'recal'")]
    [InlineData("""[{"metric": "recall", "min": 0.9}]""", "gates[0]: recall depends on the threshold")]
    [InlineData("""[{"metric": "ece", "at": "max_f1", "max": 0.1}]""", "gates[0].at: ece does not depend on a threshold")]
    [InlineData("""[{"metric": "recall", "at": "precision>=2", "min": 0.9}]""", "gates[0].at: Unknown threshold objective 'precision>=2'")]
    [InlineData("""[{"metric": "roc_auc"}]""", "gates[0]: needs a bound")]
    [InlineData("""[{"metric": "roc_auc", "min": 0.9, "max": 0.8}]""", "gates[0]: min (0.9) is above max (0.8)")]
    [InlineData("""[{"metric": "roc_auc", "max": 0.9, "use": "lower_ci"}]""", "gates[0].use: lower_ci is the pessimistic end of a floor")]
    [InlineData("""[{"metric": "ece", "min": 0.1, "use": "upper_ci"}]""", "gates[0].use: upper_ci is the pessimistic end of a ceiling")]
    [InlineData("""[{"metric": "roc_auc", "min": 0.9, "use": "median"}]""", "gates[0].use: 'median' is not one of")]
    [InlineData("""[{"metric": "roc_auc", "min": "high"}]""", "gates[0].min: expected a number")]
    [InlineData("""[{"metric": "roc_auc", "min": 0.9, "when": 1}]""", "gates[0].when: unknown key")]
    [InlineData("""{"metric": "roc_auc"}""", "expected a JSON array of gates")]
    public void Parse_names_the_file_the_gate_and_the_problem(string json, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => Gates(json));
        Assert.StartsWith("gates.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Parse_reports_every_problem_at_once()
    {
        var e = Assert.Throws<InvalidInputException>(() => Gates("""[{"metric": "x", "min": 1}, {"metric": "f1", "min": 1}]"""));
        Assert.Contains("2 problem(s)", e.Message);
        Assert.Contains("gates[0]", e.Message);
        Assert.Contains("gates[1]", e.Message);
    }

    [Fact]
    public void ReadFile_names_a_missing_or_broken_file()
    {
        using var temp = new TempFolder();
        Assert.Contains("not found", Assert.Throws<InvalidInputException>(() => GateParser.ReadFile(temp.File("none.json"))).Message);
        var broken = temp.File("broken.json", "[{\"metric\": ");
        Assert.StartsWith($"{broken}: not valid JSON", Assert.Throws<InvalidInputException>(() => GateParser.ReadFile(broken)).Message);
        var fine = temp.File("gates.json", "// a comment\n[{\"metric\": \"brier\", \"max\": 0.2},]");
        Assert.Equal([new Gate("brier", null, null, 0.2, GateBasis.Value)], GateParser.ReadFile(fine));
    }

    [Fact]
    public void Gates_on_hand_worked_predictions_pass_and_fail_where_the_numbers_say()
    {
        var review = Review("""
            [ { "metric": "recall", "at": "0.5", "min": 0.75 },
              { "metric": "precision", "at": "0.5", "min": 0.8 },
              { "metric": "roc_auc", "min": 0.9 },
              { "metric": "roc_auc", "min": 0.95 },
              { "metric": "recall", "at": "precision>=0.7", "min": 0.75 },
              { "metric": "ece", "max": 1 } ]
            """);
        var g = review.Gates;
        Assert.Equal([true, false, true, false, true, true], g.Select(r => r.Passed));
        Assert.Equal(0.75, g[0].Value, 12);
        Assert.Equal(0.5, g[0].Threshold);
        Assert.Equal("same rows", g[0].TunedOn);
        Assert.Equal(0.75, g[1].Value, 12);
        Assert.Equal("the value 0.75 is below the minimum 0.8", g[1].Reason);
        Assert.Equal(22.0 / 24, g[2].Value, 12);
        Assert.Equal(0.7, g[4].Threshold);
        Assert.Equal(0.75, g[4].Value, 12);
        Assert.Equal(SlowReference.Ece(Table.Labels, Table.Scores, 10), g[5].Value, 12);
        Assert.False(review.GatesPassed);
        // The gate's operating point is tuned like any objective, and it is the threshold that ships.
        Assert.Contains("precision>=0.7", review.Thresholds.Keys);
        Assert.Equal("0.5", review.Shipped!.Objective.Name);
    }

    [Fact]
    public void A_lower_ci_gate_is_judged_on_the_interval_not_the_value()
    {
        var review = Review("""[ { "metric": "roc_auc", "min": 0.9, "use": "lower_ci" }, { "metric": "roc_auc", "min": 0.9 } ]""");
        var ci = review.Gates[0];
        Assert.NotNull(ci.Interval);
        Assert.Equal(ci.Interval!.Lower, ci.Judged);
        Assert.True(ci.Interval.Lower < 0.9, "ten rows leave a wide interval");
        Assert.False(ci.Passed);
        Assert.Contains("lower end", ci.Reason);
        Assert.True(review.Gates[1].Passed);
        Assert.Equal(review.Bootstrap["roc_auc"], ci.Interval);
    }

    [Fact]
    public void Every_gate_metric_gets_an_interval_that_matches_its_value_on_the_full_sample()
    {
        var (y, s) = RandomData.Scores(7, 800, 20, 3);
        var table = new PredictionTable("m.csv", y, s, y.Select((_, i) => i % 2 == 0 ? "validation" : "test").ToArray());
        var all = string.Join(",", GateMetrics.ThresholdFree.Select(m => $$"""{"metric": "{{m}}", "max": 100}""")
            .Concat(GateMetrics.AtThreshold.Select(m => $$"""{"metric": "{{m}}", "at": "max_f1", "max": 100}""")));
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 300, Gates = Gates($"[{all}]") });
        foreach (var gate in review.Gates)
        {
            Assert.True(gate.Passed, gate.Gate);
            Assert.Equal(gate.Value, gate.Interval!.Estimate);
            Assert.InRange(gate.Value, gate.Interval.Lower - 1e-9, gate.Interval.Upper + 1e-9);
            Assert.True(gate.Interval.Upper - gate.Interval.Lower > 0, $"{gate.Gate}: a degenerate interval");
        }
    }

    [Fact]
    public void Without_a_bootstrap_an_interval_gate_is_refused_before_any_work()
    {
        var e = Assert.Throws<InvalidInputException>(() => Review("""[{"metric": "roc_auc", "min": 0.5, "use": "lower_ci"}]""", resamples: 0));
        Assert.Contains("roc_auc ≥ 0.5 (lower CI)", e.Message);
        var plain = Review("""[{"metric": "roc_auc", "min": 0.5}]""", resamples: 0);
        Assert.True(plain.GatesPassed);
        Assert.Null(plain.Gates[0].Interval);
        Assert.Empty(plain.Bootstrap);
    }

    [Fact]
    public void No_gates_means_no_verdict()
    {
        var review = ReviewAnalyzer.Analyze(Table, new ReviewOptions { BootstrapResamples = 10 });
        Assert.Null(review.GatesPassed);
        Assert.Empty(review.Gates);
        Assert.Equal("max_f1", review.Shipped!.Objective.Name);
    }

    [Fact]
    public void An_undefined_value_fails_with_a_reason()
    {
        var result = GateEvaluator.Judge(new Gate("roc_auc", null, 0.5, null, GateBasis.Value), double.NaN, null);
        Assert.False(result.Passed);
        Assert.Contains("undefined", result.Reason);
        Assert.True(GateEvaluator.Judge(new Gate("ece", null, null, 0.1, GateBasis.UpperCi), 0.2, new Interval(0.2, 0.05, 0.09)).Passed);
    }

    [Fact]
    public void A_gate_at_the_deployment_prevalence_uses_the_reweighted_value_and_interval()
    {
        // At 0.5: TPR 3/4, FPR 1/6. At π = 0.1: precision = 0.075 / (0.075 + 0.15) = 1/3 (as sampled: 0.75).
        var gates = Gates("""
            [ { "metric": "precision", "at": "0.5", "min": 0.5, "prevalence": "deployment" },
              { "metric": "precision", "at": "0.5", "min": 0.5 },
              { "metric": "average_precision", "min": 0.1, "prevalence": "deployment" } ]
            """);
        Assert.Equal("precision at 0.5 at deployment prevalence ≥ 0.5", gates[0].Description);
        var review = ReviewAnalyzer.Analyze(Table, new ReviewOptions { BootstrapResamples = 200, Gates = gates, DeploymentPrevalence = 0.1 });
        Assert.Equal(1.0 / 3, review.Gates[0].Value, 12);
        Assert.False(review.Gates[0].Passed);
        Assert.Equal(0.75, review.Gates[1].Value, 12);
        Assert.True(review.Gates[1].Passed);
        Assert.Equal(PrevalenceReweighting.AveragePrecision(Table.Labels, Table.Scores, 0.1), review.Gates[2].Value, 12);
        Assert.Equal(review.Deployment!.DeploymentAveragePrecision, review.Gates[2].Value, 12);
        // Re-weighted from 40 % to 10 % positives, every precision drops, and so do the intervals.
        var precision = review.Gates[0].Interval!;
        Assert.InRange(review.Gates[0].Value, precision.Lower, precision.Upper);
        Assert.True(precision.Upper <= review.Gates[1].Interval!.Upper && precision.Lower < review.Gates[1].Interval!.Lower);
        var ap = review.Gates[2].Interval!;
        Assert.InRange(review.Gates[2].Value, ap.Lower, ap.Upper);
        Assert.True(ap.Upper <= review.Bootstrap["average_precision"].Upper && review.Gates[2].Value < review.Metrics.AveragePrecision);
        Assert.Contains("precision@0.5@deployment", review.Bootstrap.Keys);
    }

    [Fact]
    public void A_deployment_gate_needs_a_prevalence_and_a_metric_that_depends_on_it()
    {
        var e = Assert.Throws<InvalidInputException>(() => Review("""[{"metric": "f1", "at": "max_f1", "min": 0.1, "prevalence": "deployment"}]"""));
        Assert.Contains("judged at the deployment prevalence; add \"prevalence\"", e.Message);
        Assert.Contains("gates[0].prevalence: recall does not change with prevalence",
            Assert.Throws<InvalidInputException>(() => Gates("""[{"metric": "recall", "at": "0.5", "min": 0.1, "prevalence": "deployment"}]""")).Message);
        Assert.Contains("gates[0].prevalence: 'production' is not one of sample, deployment",
            Assert.Throws<InvalidInputException>(() => Gates("""[{"metric": "f1", "at": "0.5", "min": 0.1, "prevalence": "production"}]""")).Message);
    }
}
