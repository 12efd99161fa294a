using System.Text.Json.Nodes;
using LossLab.Engine.Experiments;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Support;

namespace LossLab.Tests.Trust;

/// <summary>Issue 17, part 1: select_epoch and early_stopping, and the defaults of a file that does not set training.</summary>
public sealed class EpochSelectionTests
{
    [Fact]
    public void A_file_without_training_gets_minibatches_more_epochs_and_the_best_epoch_with_early_stopping()
    {
        var e = ExperimentParser.Parse(JsonNode.Parse("""{ "name": "x" }""")!.AsObject(), []);
        Assert.Equal(new TrainingSettings(200, 256, OptimizerKind.Adam, 0.003, 0, 0.9, 0, EpochSelection.Best,
            new EarlyStoppingSettings(MonitoredMetric.ValidationBce, 20, 0)), e.Training);
        // The embedded seed study keeps its own training: the last of 30 full-batch epochs, no early stopping.
        var seedStudy = ExperimentResolver.Resolve(null, [], StandardPlugins.Catalog).Experiment.Training;
        Assert.Equal(EpochSelection.Last, seedStudy.SelectEpoch);
        Assert.Null(seedStudy.EarlyStopping);
    }

    [Fact]
    public void Early_stopping_false_is_off_and_survives_the_round_trip_through_results_json()
    {
        var problems = new List<string>();
        var e = ExperimentParser.Parse(JsonNode.Parse("""{ "training": { "epochs": 7, "early_stopping": false, "select_epoch": "best" } }""")!.AsObject(), problems);
        Assert.Empty(problems);
        Assert.Null(e.Training.EarlyStopping);
        var written = JsonNode.Parse(ResultsJson.Serialize(e))!.AsObject();
        Assert.True(written["training"]!.AsObject().ContainsKey("early_stopping"));
        var back = ExperimentParser.Parse(written, problems);
        Assert.Empty(problems);
        Assert.Equal(e.Training, back.Training);
    }

    [Fact]
    public void Bad_epoch_selection_keys_are_named()
    {
        var problems = new List<string>();
        ExperimentParser.Parse(JsonNode.Parse("""{ "training": { "select_epoch": "first", "early_stopping": { "monitor": "test_roc_auc", "patience": 0, "colour": 1 } } }""")!.AsObject(), problems);
        Assert.Contains(problems, p => p.StartsWith("training.select_epoch: 'first' is not one of last, best"));
        Assert.Contains(problems, p => p.StartsWith("training.early_stopping.monitor: 'test_roc_auc' is not one of validation_bce, validation_roc_auc, validation_ap"));
        Assert.Contains(problems, p => p.StartsWith("training.early_stopping.patience"));
        Assert.Contains(problems, p => p.StartsWith("training.early_stopping.colour: unknown key"));
    }

    [Theory]
    [InlineData("validation_bce")]
    [InlineData("validation_roc_auc")]
    [InlineData("validation_ap")]
    public void Best_scores_the_weights_of_the_best_validation_epoch_and_stops_after_patience(string monitor)
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce", "focal");
        json["training"] = JsonNode.Parse($$"""{ "epochs": 40, "batch_size": 128, "learning_rate": 0.05, "select_epoch": "best", "early_stopping": { "monitor": "{{monitor}}", "patience": 4 } }""");
        var results = SmallExperiment.Run(SmallExperiment.Resolve(json), temp.Path);
        foreach (var run in results.Runs)
        {
            Assert.Equal(RunStatus.Completed, run.Status);
            // The best epoch, found here from the recorded curve (first of equal values), not from the monitor's own state.
            Func<EpochRecord, double> value = monitor switch
            {
                "validation_bce" => e => -e.ValidationBce,
                "validation_roc_auc" => e => e.ValidationRocAuc,
                _ => e => e.ValidationAp!.Value,
            };
            var best = run.Epochs.Aggregate((a, b) => value(b) > value(a) ? b : a);
            Assert.Equal(best.Epoch, run.SelectedEpoch);
            // The scored validation metrics are those of the restored epoch: its recorded ROC-AUC, computed apart.
            Assert.Equal(best.ValidationRocAuc, run.Validation!.RocAuc, 6);
            if (run.StoppedEarlyAtEpoch is { } stopped)
            {
                Assert.Equal(best.Epoch + 4, stopped);
                Assert.Equal(stopped, run.Epochs.Count);
            }
            else Assert.Equal(40, run.Epochs.Count);
        }
        // Validation BCE on this small set keeps creeping down for 40 epochs; the ranking metrics plateau and stop.
        if (monitor != "validation_bce") Assert.Contains(results.Runs, r => r.StoppedEarlyAtEpoch is not null);
    }

    [Fact]
    public void Last_scores_the_last_epoch_and_records_it()
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce");
        json["training"] = JsonNode.Parse("""{ "epochs": 5, "batch_size": 128, "select_epoch": "last", "early_stopping": false }""");
        var results = SmallExperiment.Run(SmallExperiment.Resolve(json), temp.Path);
        Assert.All(results.Runs, r => Assert.Equal(5, r.SelectedEpoch));
        Assert.All(results.Runs, r => Assert.Equal(r.Epochs[^1].ValidationRocAuc, r.Validation!.RocAuc, 6));
    }

    /// <summary>Issue 17's user: only `dataset` set. With the old training the runs ended below chance; now they must not.</summary>
    [Fact]
    public void The_new_users_csv_with_only_dataset_set_no_longer_ends_below_chance()
    {
        using var temp = new TempFolder();
        temp.File("user.csv", UserCsv.Text());
        temp.File("user.json", UserCsv.OnlyDataset);
        var run = LossLabProcess.Run(temp.Path, "run", "user.json", "--out", "out", "--no-report", "--set", "seeds=[1,2]", "--set", "bootstrap.resamples=100");
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        Assert.Equal(EpochSelection.Best, results.Experiment.Training.SelectEpoch);
        Assert.All(results.Runs, r => Assert.True(r.Test!.RocAuc > 0.9, $"{r.Loss} seed {r.Seed}: test ROC-AUC {r.Test.RocAuc}"));
        Assert.Contains("scored at the epoch with the best validation bce", File.ReadAllText(temp.File("out/summary.md")));
    }
}
