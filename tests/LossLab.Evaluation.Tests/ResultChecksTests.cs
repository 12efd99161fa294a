using LossLab.Evaluation;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;
using Xunit;

namespace LossLab.Evaluation.Tests;

/// <summary>Issue 17: each warning from hand-made numbers whose verdict is obvious.</summary>
public class ResultChecksTests
{
    private static ExperimentResults Results(TrainingSettings training, int validationPositives, int testPositives, params RunResult[] runs) => new()
    {
        Name = "x", Title = "x", Environment = new(), Model = new() { Plugin = "mlp" },
        Experiment = new Experiment { Training = training },
        Dataset = new() { Plugin = "csv", Splits = new() { ["validation"] = new(200, validationPositives), ["test"] = new(300, testPositives) } },
        Runs = [.. runs],
    };

    private static RunResult Run(string loss, double testAuc, IEnumerable<(double Train, double Bce, double Auc)> epochs, string status = RunStatus.Completed, int? stopped = null) => new()
    {
        Loss = loss, Seed = 1, Status = status, StoppedEarlyAtEpoch = stopped,
        Test = status == RunStatus.Completed ? new MetricSet { RocAuc = testAuc } : null,
        Epochs = [.. epochs.Select((e, i) => new EpochRecord { Epoch = i + 1, TrainLoss = e.Train, ValidationBce = e.Bce, ValidationRocAuc = e.Auc })],
    };

    private static IEnumerable<(double, double, double)> Flat(int n) => Enumerable.Range(0, n).Select(_ => (0.1, 0.1, 0.9));

    [Fact]
    public void A_healthy_run_gets_no_warning()
    {
        var r = Results(new TrainingSettings(), 20, 30, Run("bce", 0.9, Flat(20)));
        Assert.Empty(ResultChecks.Of(r));
    }

    [Fact]
    public void Below_chance_on_test_is_worse_than_chance()
    {
        var w = Assert.Single(ResultChecks.Of(Results(new TrainingSettings(), 20, 30, Run("focal", 0.488, Flat(20)))));
        Assert.Equal((WarningCodes.WorseThanChance, "focal", (int?)1), (w.Code, w.Loss, w.Seed));
        Assert.Contains("0.488", w.Message);
    }

    [Fact]
    public void A_bootstrap_interval_below_half_is_worse_than_chance_for_the_loss()
    {
        var r = Results(new TrainingSettings(), 20, 30, Run("bce", 0.52, Flat(20))) with
        {
            Bootstrap = new BootstrapSummary { Baseline = "bce", ThresholdObjective = "max_f1", Metrics = new() { ["bce"] = new() { ["roc_auc"] = new Interval(0.45, 0.40, 0.49) } } },
        };
        var w = Assert.Single(ResultChecks.Of(r));
        Assert.Equal((WarningCodes.WorseThanChance, "bce", (int?)null), (w.Code, w.Loss, w.Seed));
    }

    [Fact]
    public void Training_loss_falling_over_two_percent_an_epoch_at_the_end_is_not_converged()
    {
        // 20 epochs, loss ×0.98 an epoch: the last 3 epochs lose about 2 % each, above the 1 % rule.
        var epochs = Enumerable.Range(0, 20).Select(i => (Math.Pow(0.98, i), 0.1, 0.9));
        var w = Assert.Single(ResultChecks.Of(Results(new TrainingSettings(), 20, 30, Run("bce", 0.9, epochs))));
        Assert.Equal(WarningCodes.NotConverged, w.Code);
        // Stopped early: it converged by definition of early stopping.
        Assert.Empty(ResultChecks.Of(Results(new TrainingSettings(), 20, 30, Run("bce", 0.9, epochs, stopped: 20))));
    }

    [Fact]
    public void Validation_auc_peaking_early_and_falling_warns_only_with_select_epoch_last()
    {
        // The curve: 0.87 after epoch 1, about 0.2 at epoch 20.
        var epochs = Enumerable.Range(0, 20).Select(i => (0.1, 0.1, 0.87 - i * 0.035));
        var w = Assert.Single(ResultChecks.Of(Results(new TrainingSettings(SelectEpoch: EpochSelection.Last), 20, 30, Run("bce", 0.9, epochs))));
        Assert.Equal(WarningCodes.ValidationPeakedEarly, w.Code);
        Assert.Contains("peaked at 0.870 in epoch 1 of 20", w.Message);
        Assert.Empty(ResultChecks.Of(Results(new TrainingSettings(SelectEpoch: EpochSelection.Best), 20, 30, Run("bce", 0.9, epochs))));
    }

    [Fact]
    public void Few_positives_diverged_runs_skipped_inputs_and_dropped_columns_are_warned()
    {
        var r = Results(new TrainingSettings(), 9, 7, Run("bce", 0.9, Flat(5)), Run("focal", 0, Flat(2), RunStatus.Diverged) with { Error = "loss became NaN at epoch 3" });
        r = r with { Dataset = r.Dataset with { SkippedInputs = [new("img/3.png", "not an image")], DroppedColumns = ["id"] } };
        var codes = ResultChecks.Of(r).Select(w => w.Code).ToList();
        Assert.Equal([WarningCodes.FewValidationPositives, WarningCodes.FewTestPositives, WarningCodes.SkippedInputs, WarningCodes.DroppedColumns, WarningCodes.DivergedRuns], codes);
    }
}
