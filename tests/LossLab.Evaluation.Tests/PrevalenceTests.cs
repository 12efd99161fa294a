using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class PrevalenceTests
{
    [Fact]
    public void Precision_at_a_prevalence_follows_the_hand_worked_formula()
    {
        // TPR 0.8, FPR 0.1, π = 0.002: 0.8·0.002 / (0.8·0.002 + 0.1·0.998) = 0.0016 / 0.1014 = 0.015779...
        Assert.Equal(0.0016 / 0.1014, PrevalenceReweighting.Precision(0.8, 0.1, 0.002), 12);
        // F1 = 2·P·R/(P + R) with that P and R = 0.8.
        double p = 0.0016 / 0.1014;
        Assert.Equal(2 * p * 0.8 / (p + 0.8), PrevalenceReweighting.F1(0.8, 0.1, 0.002), 12);
        // Expected cost with c_FP = 1, c_FN = 10: 10·0.002·0.2 + 1·0.998·0.1 = 0.004 + 0.0998.
        Assert.Equal(0.1038, PrevalenceReweighting.ExpectedCost(0.8, 0.1, 0.002, 1, 10), 12);
        Assert.Equal(0.0, PrevalenceReweighting.Precision(0, 0, 0.1));
        Assert.Equal(0.0, PrevalenceReweighting.F1(0, 0.2, 0.1));
    }

    [Fact]
    public void At_the_sample_prevalence_the_reweighted_metrics_are_the_plain_ones()
    {
        var (y, s) = RandomData.Scores(3, 500, 15, 2);
        double sample = (double)y.Sum() / y.Length;
        Assert.Equal(SlowReference.AveragePrecision(y, s), PrevalenceReweighting.AveragePrecision(y, s, sample), 12);
        var c = SlowReference.Confusion(y, s, 0.3);
        double tpr = (double)c.Tp / (c.Tp + c.Fn), fpr = (double)c.Fp / (c.Fp + c.Tn);
        Assert.Equal((double)c.Tp / (c.Tp + c.Fp), PrevalenceReweighting.Precision(tpr, fpr, sample), 12);
        Assert.Equal(SlowReference.F1(y, s, 0.3), PrevalenceReweighting.F1(tpr, fpr, sample), 12);
    }

    [Fact]
    public void Average_precision_at_a_prevalence_matches_a_hand_worked_example()
    {
        // Scores 0.9(+) 0.8(−) 0.7(+) 0.6(−): P = N = 2. At π = 0.2, w = (0.8/0.2)·(2/2) = 4.
        // AP = ½·1/(1 + 0) + ½·2/(2 + 4·1) = 0.5 + 1/6.
        int[] y = [1, 0, 1, 0];
        double[] s = [0.9, 0.8, 0.7, 0.6];
        Assert.Equal(4.0, PrevalenceReweighting.NegativeWeight(2, 2, 0.2), 12);
        Assert.Equal(0.5 + 1.0 / 6, PrevalenceReweighting.AveragePrecision(y, s, 0.2), 12);
        // The same as duplicating each negative four times in the plain AP.
        int[] yDup = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0];
        double[] sDup = [0.9, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.6];
        Assert.Equal(SlowReference.AveragePrecision(yDup, sDup), PrevalenceReweighting.AveragePrecision(y, s, 0.2), 12);
    }

    [Fact]
    public void A_review_at_a_lower_prevalence_shows_lower_precision_and_leaves_recall_alone()
    {
        var (y, s) = RandomData.Scores(11, 1200, 30, 3);
        var table = new PredictionTable("m.csv", y, s, y.Select((_, i) => i % 2 == 0 ? "validation" : "test").ToArray());
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            BootstrapResamples = 10, DeploymentPrevalence = 0.002, Objectives = Reference.Objectives.Of("max_f1", "cost:1,20"),
        });
        var view = review.Deployment!;
        Assert.Equal(0.002, view.Prevalence);
        Assert.Equal((double)review.JudgedPositives / review.JudgedRows, view.SamplePrevalence, 12);
        Assert.Equal("cost:1,20", view.Costs);
        Assert.Equal((1.0, 20.0), (view.FalsePositiveCost, view.FalseNegativeCost));
        Assert.Equal(review.Metrics.AveragePrecision, view.SampleAveragePrecision, 12);
        Assert.True(view.DeploymentAveragePrecision < view.SampleAveragePrecision);
        Assert.Equal(["0.5", "max_f1", "cost:1,20", "max_f1 at π", "cost:1,20 at π"], view.OperatingPoints.Select(p => p.Name));
        var tuned = view.OperatingPoints[1];
        var test = review.Thresholds["max_f1"].Test;
        Assert.Equal(review.Thresholds["max_f1"].Threshold, tuned.Threshold);
        Assert.Equal(test.Recall, tuned.Recall, 12);
        Assert.Equal(test.Precision, tuned.SamplePrecision, 12);
        Assert.Equal(test.F1, tuned.SampleF1, 12);
        double fpr = (double)test.Fp / (test.Fp + test.Tn);
        Assert.Equal(test.Recall * 0.002 / (test.Recall * 0.002 + fpr * 0.998), tuned.DeploymentPrecision, 12);
        Assert.True(tuned.DeploymentPrecision < tuned.SamplePrecision);
        Assert.Equal(test.Recall * 0.002 + fpr * 0.998, tuned.DeploymentFlaggedRate, 12);
    }

    [Fact]
    public void Without_a_prevalence_there_is_no_deployment_view_and_a_bad_one_is_refused()
    {
        var (y, s) = RandomData.Scores(11, 300, 10, 3);
        var table = new PredictionTable("m.csv", y, s, null);
        Assert.Null(ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 5 }).Deployment);
        var e = Assert.Throws<InvalidInputException>(() =>
            ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 5, DeploymentPrevalence = 1.5 }));
        Assert.Contains("prevalence must be in (0, 1)", e.Message);
    }

    // Validation rows, worked by hand: P = 3, N = 5; (TPR, FPR) at 0.9: (1/3, 0), 0.8: (2/3, 0), 0.7: (2/3, 1/5),
    // 0.6: (1, 1/5), 0.5: (1, 2/5). As sampled, max F1 is at 0.6 (TP 3, FP 1: 6/7 against 0.8 at 0.8).
    // At π = 0.05: precision(0.6) = 0.05/(0.05 + 0.2·0.95) = 0.208, F1 = 0.345; at 0.8 precision is 1, F1 = 0.8.
    private static readonly int[] TuneLabels = [1, 1, 0, 1, 0, 0, 0, 0];
    private static readonly double[] TuneScores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];

    [Theory]
    [InlineData("max_f1", 0.6, 0.8)]
    [InlineData("precision>=0.5", 0.6, 0.8)]
    [InlineData("cost:1,1", 0.8, 0.8)]
    [InlineData("cost:1,20", 0.6, 0.6)] // 20·0.05·(1/3) = 0.33 at 0.8 against 0.95·0.2 = 0.19 at 0.6: a costly miss keeps it low
    public void Retuning_at_a_lower_prevalence_moves_the_threshold_where_the_hand_worked_numbers_say(string objective, double sampled, double deployed)
    {
        var parsed = ThresholdObjective.Parse(objective);
        Assert.Equal(sampled, ThresholdTuner.Tune(parsed, TuneLabels, TuneScores).Threshold);
        Assert.Equal(sampled, PrevalenceTuner.Tune(parsed, TuneLabels, TuneScores, 3.0 / 8).Threshold);
        Assert.Equal(deployed, PrevalenceTuner.Tune(parsed, TuneLabels, TuneScores, 0.05).Threshold);
    }

    [Fact]
    public void Retuned_max_f1_reaches_the_hand_worked_f1_and_prevalence_free_objectives_are_not_retuned()
    {
        Assert.Equal(0.8, PrevalenceTuner.Tune(new MaxFBetaObjective(1), TuneLabels, TuneScores, 0.05).ObjectiveValue, 12);
        Assert.False(PrevalenceTuner.DependsOnPrevalence(ThresholdObjective.Parse("recall>=0.9")));
        Assert.False(PrevalenceTuner.DependsOnPrevalence(ThresholdObjective.Parse("youden")));
        Assert.Throws<ArgumentException>(() => PrevalenceTuner.Tune(new YoudenObjective(), TuneLabels, TuneScores, 0.05));
    }

    [Fact]
    public void A_review_at_a_prevalence_adds_the_retuned_operating_points()
    {
        var (y, s) = RandomData.Scores(11, 1200, 30, 3);
        var table = new PredictionTable("m.csv", y, s, y.Select((_, i) => i % 2 == 0 ? "validation" : "test").ToArray());
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions { BootstrapResamples = 10, DeploymentPrevalence = 0.002, Objectives = Reference.Objectives.Of("max_f1", "youden") });
        var points = review.Deployment!.OperatingPoints;
        Assert.Equal(["0.5", "max_f1", "youden", "max_f1 at π"], points.Select(p => p.Name));
        var retuned = points[^1];
        var (vy, vs) = (y.Where((_, i) => i % 2 == 0).ToArray(), s.Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(PrevalenceTuner.Tune(new MaxFBetaObjective(1), vy, vs, 0.002).Threshold, retuned.Threshold);
        Assert.Equal("validation, re-weighted to π", retuned.TunedOn);
        Assert.True(retuned.Threshold >= points[1].Threshold, "rarer positives call for a higher threshold");
    }
}
