using LossLab.Engine.Running;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Engine;

public sealed class ExperimentRunnerTests
{
    [Fact]
    public void Losses_of_a_seed_share_initial_weights_and_data_order_and_seeds_differ()
    {
        using var temp = new TempFolder();
        var results = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), temp.Path);
        Assert.Equal(6, results.Runs.Count);
        Assert.All(results.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        var bySeed = results.Runs.GroupBy(r => r.Seed).ToList();
        foreach (var seed in bySeed)
        {
            Assert.Single(seed.Select(r => r.InitHash).Distinct());
            Assert.Single(seed.Select(r => r.DataOrderHash).Distinct());
            Assert.Matches("^[0-9a-f]{64}$", seed.First().InitHash);
        }
        Assert.NotEqual(bySeed[0].First().InitHash, bySeed[1].First().InitHash);
        Assert.NotEqual(bySeed[0].First().DataOrderHash, bySeed[1].First().DataOrderHash);
        // the losses really differ in what they learn
        Assert.NotEqual(bySeed[0].First(r => r.Loss == "bce").Test!.Brier, bySeed[0].First(r => r.Loss == "weighted-bce").Test!.Brier);
    }

    [Fact]
    public void Results_carry_epochs_metrics_thresholds_tuned_on_validation_and_files()
    {
        using var temp = new TempFolder();
        var results = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), temp.Path);
        var run = results.Runs[0];
        Assert.Equal(6, run.Epochs.Count);
        Assert.All(run.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss) && double.IsFinite(e.ValidationBce) && e.ValidationRocAuc is > 0 and <= 1));
        // The per-epoch ROC-AUC (incremental re-sort) of the last epoch is the validation ROC-AUC of the trained model.
        Assert.Equal(run.Validation!.RocAuc, run.Epochs[^1].ValidationRocAuc);
        Assert.Equal(["max_f1", "recall>=0.8"], run.Thresholds.Keys);
        Assert.All(run.Thresholds.Values, t => Assert.Equal("validation", t.TunedOn));

        // test metrics recomputed independently from predictions.csv agree with results.json
        var predictions = PredictionsFile.Read(Path.Combine(temp.Path, "predictions.csv"));
        var test = predictions.Where(p => p.Loss == run.Loss && p.Seed == run.Seed && p.Split == "test").ToList();
        Assert.Equal(results.Dataset.Splits["test"].Rows, test.Count);
        var recomputed = Metrics.Compute([.. test.Select(p => p.Label)], [.. test.Select(p => p.Score)]);
        Assert.Equal(recomputed.RocAuc, run.Test!.RocAuc, 12);
        Assert.Equal(recomputed.F1, run.Test.F1, 12);

        Assert.True(File.Exists(Path.Combine(temp.Path, run.ModelPath!, "model.json")));
        Assert.Equal(3, results.Aggregates.Count);
        Assert.Equal(2, results.Aggregates[0].CompletedRuns);
        Assert.NotNull(results.Bootstrap);
        Assert.Equal("bce", results.Bootstrap!.Baseline);
        Assert.Equal(3, results.LossShapes.Count);
        Assert.Equal(3, results.DecisionBoundaries.Count);
        Assert.Equal(results.Plugins.Select(p => p.Name), ["synthetic", "mlp", "bce", "weighted-bce", "focal"]);
        var saved = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(Path.Combine(temp.Path, "results.json")));
        Assert.Equal(results.Runs.Select(r => r.Test!.RocAuc), saved.Runs.Select(r => r.Test!.RocAuc));
    }

    [Fact]
    public void The_same_experiment_twice_gives_bit_identical_numbers_and_parallel_equals_sequential()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        using var c = new TempFolder();
        var first = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), a.Path);
        var again = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), b.Path);
        var parallel = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), c.Path, parallel: 2);
        foreach (var other in new[] { again, parallel })
        {
            Assert.Equal(first.Runs.Select(Fingerprint), other.Runs.Select(Fingerprint));
        }
        Assert.Equal(File.ReadAllText(a.File("predictions.csv")), File.ReadAllText(c.File("predictions.csv")));
    }

    [Fact]
    public void A_diverging_loss_is_marked_at_its_epoch_and_the_other_runs_go_on()
    {
        using var temp = new TempFolder();
        var resolved = SmallExperiment.Resolve(SmallExperiment.Json("bce", "exploding", "throwing"), StandardPlugins.With(typeof(ExplodingLoss), typeof(ThrowingLoss)));
        var results = SmallExperiment.Run(resolved, temp.Path);
        var exploding = results.Runs.Where(r => r.Loss == "exploding").ToList();
        Assert.All(exploding, r => Assert.Equal(RunStatus.Diverged, r.Status));
        // 6 calls are the engine's one-time shape check and 5 training batches (750 rows / 128 → 6 batches per
        // epoch): the 6th batch of epoch 1 turns NaN, and the run stops there instead of validating NaN weights.
        Assert.All(exploding, r => Assert.Equal(1, r.DivergedAtEpoch));
        var throwing = results.Runs.Where(r => r.Loss == "throwing").ToList();
        Assert.All(throwing, r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.All(throwing, r => Assert.Contains("vendor code failed", r.Error));
        Assert.All(results.Runs.Where(r => r.Loss == "bce"), r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Null(results.Bootstrap); // no seed where every loss completed
        Assert.DoesNotContain(results.LossShapes, s => s.Loss == "throwing");
    }

    [Fact]
    public void A_loss_whose_Forward_breaks_the_per_example_shape_fails_its_runs_with_the_shape_in_the_error()
    {
        using var temp = new TempFolder();
        var resolved = SmallExperiment.Resolve(SmallExperiment.Json("bce", "wrong-shape"), StandardPlugins.With(typeof(WrongShapeLoss)));
        var results = SmallExperiment.Run(resolved, temp.Path);
        var wrong = results.Runs.Where(r => r.Loss == "wrong-shape").ToList();
        Assert.Equal(2, wrong.Count);
        Assert.All(wrong, r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.All(wrong, r => Assert.Contains("expected [128] (one value per example)", r.Error));
        Assert.All(results.Runs.Where(r => r.Loss == "bce"), r => Assert.Equal(RunStatus.Completed, r.Status));
    }

    [Fact]
    public void A_model_plugin_that_builds_another_architecture_fails_the_runs_it_cannot_give_the_seeds_weights()
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce", "focal");
        json["model"] = new System.Text.Json.Nodes.JsonObject { ["plugin"] = "shifting" };
        // Seed 1's weights come from the first build (8 hidden units), seed 2's and every run's model from later ones (4).
        var results = SmallExperiment.Run(SmallExperiment.Resolve(json, StandardPlugins.With(typeof(ShiftingModel))), temp.Path);
        var seed1 = results.Runs.Where(r => r.Seed == 1).ToList();
        Assert.Equal(2, seed1.Count);
        Assert.All(seed1, r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.All(seed1, r => Assert.Contains("model plugin 'shifting'", r.Error));
        Assert.All(seed1, r => Assert.Contains("different architecture", r.Error));
        Assert.All(seed1, r => Assert.Contains("'hidden.weight' of shape [4, 2] instead of [8, 2]", r.Error));
        Assert.All(results.Runs.Where(r => r.Seed == 2), r => Assert.Equal(RunStatus.Completed, r.Status));
    }

    [Fact]
    public void A_loss_plugin_that_cannot_be_created_for_a_run_fails_that_run_with_its_message()
    {
        using var temp = new TempFolder();
        var resolved = SmallExperiment.Resolve(SmallExperiment.Json("bce", "breaks-on-create"), StandardPlugins.With(typeof(BreaksOnCreateLoss)));
        BreaksOnCreateLoss.Broken = true;
        try
        {
            var results = SmallExperiment.Run(resolved, temp.Path);
            var broken = results.Runs.Where(r => r.Loss == "breaks-on-create").ToList();
            Assert.Equal(2, broken.Count);
            Assert.All(broken, r => Assert.Equal(RunStatus.Failed, r.Status));
            Assert.All(broken, r => Assert.Contains("'breaks-on-create'", r.Error));
            Assert.All(broken, r => Assert.Contains("licence server unreachable", r.Error));
            Assert.All(results.Runs.Where(r => r.Loss == "bce"), r => Assert.Equal(RunStatus.Completed, r.Status));
        }
        finally
        {
            BreaksOnCreateLoss.Broken = false;
        }
    }

    [Fact]
    public void For_bce_the_validation_loss_is_the_validation_bce()
    {
        using var temp = new TempFolder();
        var results = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json("bce", "focal")), temp.Path);
        Assert.All(results.Runs.Where(r => r.Loss == "bce").SelectMany(r => r.Epochs), e => Assert.Equal(e.ValidationBce, e.ValidationLoss));
        Assert.All(results.Runs.Where(r => r.Loss == "focal").SelectMany(r => r.Epochs), e => Assert.True(e.ValidationLoss < e.ValidationBce));
    }

    [Fact]
    public void Cancellation_keeps_finished_runs_and_resume_completes_the_rest_identically()
    {
        using var interrupted = new TempFolder();
        using var full = new TempFolder();
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(p => { if (p.Loss == "weighted-bce" && p.Seed == 1 && p.Epoch == 3) cts.Cancel(); });
        var partial = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), interrupted.Path, cancellation: cts.Token, progress: progress);
        Assert.Equal(RunStatus.Completed, partial.Runs[0].Status);
        Assert.All(partial.Runs.Skip(1), r => Assert.Equal(RunStatus.Cancelled, r.Status));
        var onDisk = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(interrupted.File("results.json")));
        Assert.Equal(partial.Runs.Select(r => r.Status), onDisk.Runs.Select(r => r.Status));

        var previous = ResultsFolder.Load(interrupted.Path);
        var resumed = SmallExperiment.Run(SmallExperiment.Resolve(previous.Results.Experiment.ToJson()), interrupted.Path, previous: previous);
        var uninterrupted = SmallExperiment.Run(SmallExperiment.Resolve(SmallExperiment.Json()), full.Path);
        Assert.All(resumed.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(uninterrupted.Runs.Select(Fingerprint), resumed.Runs.Select(Fingerprint));
        Assert.Equal(partial.Runs[0].DurationS, resumed.Runs[0].DurationS); // kept, not re-run
    }

    private static string Fingerprint(RunResult r) =>
        $"{r.Loss}/{r.Seed}/{r.InitHash}/{r.DataOrderHash}/{string.Join(",", r.Epochs.Select(e => e.TrainLoss.ToString("R")))}/{r.Test!.RocAuc:R}/{r.Test.Brier:R}";
}
