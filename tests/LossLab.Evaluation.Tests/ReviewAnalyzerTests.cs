using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class ReviewAnalyzerTests
{
    private static readonly ReviewOptions Fast = new() { BootstrapResamples = 200 };

    private static PredictionTable Table(bool withSplit)
    {
        var (y, s) = RandomData.Scores(61, 1200, 30, 3);
        string[]? splits = withSplit ? y.Select((_, i) => i % 2 == 0 ? "validation" : "test").ToArray() : null;
        return new PredictionTable("model.csv", y, s, splits);
    }

    private static (int[] Labels, double[] Scores) Rows(PredictionTable t, int parity) =>
        (t.Labels.Where((_, i) => i % 2 == parity).ToArray(), t.Scores.Where((_, i) => i % 2 == parity).ToArray());

    [Fact]
    public void WithoutSplit_TunesAndJudgesOnAllRows_AndSaysItIsOptimistic()
    {
        var table = Table(withSplit: false);
        var review = ReviewAnalyzer.Analyze(table, Fast);
        Assert.False(review.SplitColumnUsed);
        Assert.True(review.Optimistic);
        Assert.Contains("ptimistic", review.Note);
        Assert.Equal(("same rows", "all rows"), (review.TunedOn, review.JudgedOn));
        Assert.Equal((1200, table.Labels.Sum()), (review.N, review.Positives));
        Assert.Equal((1200, 1200), (review.TuningRows, review.JudgedRows));
        Assert.Equal(Metrics.Compute(table.Labels, table.Scores), review.Metrics);
        Assert.Equal(["max_f1", "youden"], review.Thresholds.Keys);
        var tuned = ThresholdTuner.Tune(new MaxFBetaObjective(1), table.Labels, table.Scores);
        Assert.Equal(tuned.Threshold, review.Thresholds["max_f1"].Threshold);
        Assert.Equal("same rows", review.Thresholds["max_f1"].TunedOn);
        // Judged on the rows it was tuned on, F1 at the tuned threshold is the objective value itself.
        Assert.Equal(review.Thresholds["max_f1"].ObjectiveValue, review.Thresholds["max_f1"].Test.F1, 1e-12);
    }

    [Fact]
    public void WithSplit_TunesOnValidation_JudgesOnTest()
    {
        var table = Table(withSplit: true);
        var review = ReviewAnalyzer.Analyze(table, Fast with { Objectives = Reference.Objectives.Of("max_f1", "recall>=0.8", "0.5") });
        var (vy, vs) = Rows(table, 0);
        var (ty, ts) = Rows(table, 1);
        Assert.True(review.SplitColumnUsed);
        Assert.False(review.Optimistic);
        Assert.Equal(("validation", "test"), (review.TunedOn, review.JudgedOn));
        Assert.Equal((vy.Length, vy.Sum(), ty.Length, ty.Sum()),
            (review.TuningRows, review.TuningPositives, review.JudgedRows, review.JudgedPositives));
        Assert.Equal(Metrics.Compute(ty, ts), review.Metrics);
        foreach (string name in (string[])["max_f1", "recall>=0.8", "0.5"])
        {
            var expected = ThresholdTuner.Evaluate(ThresholdObjective.Parse(name), vy, vs, ty, ts);
            Assert.Equal(expected, review.Thresholds[name]);
        }
        Assert.Equal(10, review.Reliability.Length);
        Assert.Equal(10, review.ReliabilityEqualCount.Length);
        Assert.Equal(ty.Length, review.ReliabilityEqualCount.Sum(b => b.Count));
        Assert.Equal(ty.Length, review.Histogram.Positives.Sum() + review.Histogram.Negatives.Sum());
        Assert.Equal(21, review.Histogram.Edges.Length);
    }

    [Fact]
    public void Bootstrap_HasTheNamedIntervals_AroundFullSampleEstimates_AndIsDeterministic()
    {
        var table = Table(withSplit: true);
        var review = ReviewAnalyzer.Analyze(table, Fast);
        Assert.Equal(["roc_auc", "average_precision", "brier", "f1@max_f1", "f1@youden"], review.Bootstrap.Keys);
        Assert.Equal(review.Metrics.RocAuc, review.Bootstrap["roc_auc"].Estimate);
        Assert.Equal(review.Metrics.Brier, review.Bootstrap["brier"].Estimate);
        Assert.Equal(review.Thresholds["youden"].Test.F1, review.Bootstrap["f1@youden"].Estimate);
        foreach (var interval in review.Bootstrap.Values) Assert.True(interval.Lower <= interval.Upper);
        Assert.InRange(review.Metrics.RocAuc, review.Bootstrap["roc_auc"].Lower, review.Bootstrap["roc_auc"].Upper);
        Assert.Equal((200, 0), (review.BootstrapResamples, review.BootstrapSeed));

        var again = ReviewAnalyzer.Analyze(table, Fast);
        Assert.Equal(review.Bootstrap, again.Bootstrap);
        var otherSeed = ReviewAnalyzer.Analyze(table, Fast with { BootstrapSeed = 1 });
        Assert.NotEqual(review.Bootstrap["roc_auc"], otherSeed.Bootstrap["roc_auc"]);
    }

    [Fact]
    public void Json_RoundTrip_HasThresholdsMaxF1TestF1()
    {
        var review = ReviewAnalyzer.Analyze(Table(withSplit: false), Fast);
        string json = ResultsJson.Serialize(review);
        var node = JsonNode.Parse(json)!;
        Assert.Equal(review.Thresholds["max_f1"].Test.F1, node["thresholds"]!["max_f1"]!["test"]!["f1"]!.GetValue<double>());
        Assert.True(node["optimistic"]!.GetValue<bool>());
        Assert.Equal("same rows", node["tuned_on"]!.GetValue<string>());
        Assert.False(node["split_column_used"]!.GetValue<bool>());
        Assert.NotNull(node["metrics"]!["roc_auc"]);
        Assert.NotNull(node["metrics"]!["mce"]);
        Assert.NotNull(node["reliability_equal_count"]);
        Assert.NotNull(node["bootstrap"]!["f1@max_f1"]!["lower"]);
        Assert.NotNull(node["histogram"]!["edges"]);

        var back = ResultsJson.Deserialize<ReviewResults>(json);
        Assert.Equal(review.Metrics, back.Metrics);
        Assert.Equal(review.Thresholds["max_f1"], back.Thresholds["max_f1"]);
        Assert.Equal(review.Bootstrap, back.Bootstrap);
        Assert.Equal(review.Reliability.Length, back.Reliability.Length);
        for (int b = 0; b < review.Reliability.Length; b++)
        {
            // Empty bins hold NaN, which round-trips as the string "NaN".
            Assert.Equal(review.Reliability[b].Count, back.Reliability[b].Count);
            Assert.Equal(review.Reliability[b].MeanScore, back.Reliability[b].MeanScore);
        }
        Assert.Equal(review.Histogram.Positives, back.Histogram.Positives);
        Assert.Equal(ResultsJson.Serialize(review), ResultsJson.Serialize(back));
    }

    [Fact]
    public void NoObjective_IsInvalidInput_BeforeAnyWork()
    {
        // The table is inconsistent too, but the objectives are checked first (each was parsed where it was read).
        var broken = new PredictionTable("x.csv", [0, 1], [0.5], null);
        var e = Assert.Throws<InvalidInputException>(
            () => ReviewAnalyzer.Analyze(broken, new ReviewOptions { Objectives = [] }));
        Assert.Equal("No threshold objectives were given.", e.Message);
    }

    [Fact]
    public void BadBootstrapOptions_AreInvalidInput()
    {
        Assert.Throws<InvalidInputException>(
            () => ReviewAnalyzer.Analyze(Table(false), new ReviewOptions { BootstrapResamples = -1 }));
        Assert.Throws<InvalidInputException>(
            () => ReviewAnalyzer.Analyze(Table(false), new ReviewOptions { BootstrapConfidence = 1.5 }));
    }

    [Fact]
    public void FromFile_EndToEnd()
    {
        using var folder = new TempFolder();
        string path = folder.File("review.csv",
            "label,score,split\n0,0.1,validation\n1,0.8,validation\n0,0.4,validation\n1,0.35,validation\n"
            + "0,0.2,test\n1,0.9,test\n0,0.6,test\n1,0.7,test\n");
        var review = ReviewAnalyzer.Analyze(PredictionTableReader.Read(path, splitColumn: "split"), Fast);
        Assert.Equal(path, review.Source);
        // Validation is the sklearn doc example: max_f1 → 0.35. Test at 0.35: all of 0.6, 0.7, 0.9 positive →
        // TP 2, FP 1, FN 0: F1 = 4/5. Test AUC: positives {0.9, 0.7} vs negatives {0.2, 0.6} → 4/4 = 1.
        Assert.Equal(0.35, review.Thresholds["max_f1"].Threshold);
        Assert.Equal(0.8, review.Thresholds["max_f1"].Test.F1, 1e-12);
        Assert.Equal(1.0, review.Metrics.RocAuc);
    }
}
