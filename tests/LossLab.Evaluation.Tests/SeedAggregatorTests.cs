using LossLab.Evaluation.Results;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class SeedAggregatorTests
{
    private static RunResult Run(string loss, int seed, string status, double auc, double f1AtMaxF1) => new()
    {
        Loss = loss,
        Seed = seed,
        Status = status,
        Test = status == RunStatus.Completed ? new MetricSet { RocAuc = auc, N = 100 } : null,
        Thresholds = status == RunStatus.Completed
            ? new() { ["max_f1"] = new ThresholdResult { Objective = ThresholdObjective.Parse("max_f1"), TunedOn = "validation", Test = new MetricSet { F1 = f1AtMaxF1 } } }
            : [],
    };

    [Fact]
    public void Aggregate_MeanSampleSdMinMax_OverCompletedRuns()
    {
        RunResult[] runs =
        [
            Run("bce", 0, RunStatus.Completed, 0.7, 0.2),
            Run("bce", 1, RunStatus.Completed, 0.8, 0.4),
            Run("bce", 2, RunStatus.Completed, 0.9, 0.9),
            Run("bce", 3, RunStatus.Diverged, 0, 0),
            Run("focal", 0, RunStatus.Completed, 0.85, 0.5),
            Run("focal", 1, RunStatus.Failed, 0, 0),
        ];
        var aggregates = SeedAggregator.Aggregate(runs, ["focal", "bce", "weighted"]);
        Assert.Equal(["focal", "bce", "weighted"], aggregates.Select(a => a.Loss));

        var bce = aggregates[1];
        Assert.Equal(3, bce.CompletedRuns);
        // AUC 0.7, 0.8, 0.9: mean 0.8; sd = √((0.1² + 0 + 0.1²)/(3 − 1)) = 0.1.
        var auc = bce.Test["roc_auc"];
        Assert.Equal(0.8, auc.Mean, 1e-12);
        Assert.Equal(0.1, auc.Sd, 1e-12);
        Assert.Equal((0.7, 0.9, 3), (auc.Min, auc.Max, auc.Count));
        // F1 at max_f1: 0.2, 0.4, 0.9: mean 0.5; deviations −0.3, −0.1, 0.4 → √((0.09 + 0.01 + 0.16)/2) = √0.13.
        var f1 = bce.Thresholds["max_f1"]["f1"];
        Assert.Equal(0.5, f1.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(0.13), f1.Sd, 1e-12);
        Assert.Equal(MetricNames.All.Count, bce.Test.Count);

        // One completed run: sd 0.
        var focal = aggregates[0];
        Assert.Equal(1, focal.CompletedRuns);
        Assert.Equal((0.85, 0.0), (focal.Test["roc_auc"].Mean, focal.Test["roc_auc"].Sd));

        // No run at all.
        Assert.Equal(0, aggregates[2].CompletedRuns);
        Assert.Empty(aggregates[2].Test);
    }

    [Fact]
    public void Aggregate_LeavesOutNaN()
    {
        RunResult[] runs = [Run("bce", 0, RunStatus.Completed, double.NaN, 0.1), Run("bce", 1, RunStatus.Completed, 0.6, 0.3)];
        var auc = SeedAggregator.Aggregate(runs, ["bce"])[0].Test["roc_auc"];
        Assert.Equal((0.6, 0.0, 1), (auc.Mean, auc.Sd, auc.Count));
    }
}
