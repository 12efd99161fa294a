using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Reports.Tests.Fixtures;

/// <summary>
/// A real run: results.json, predictions.csv and decision-boundaries.json in ReportRun/, written by the engine for ReportRun/experiment.json
/// (3 losses × 2 seeds on a 49:1 two-feature synthetic dataset, with 3 threshold objectives, gates, a deployment
/// prevalence and a paired bootstrap). LossLab.Tests' ReportFixtureTests re-runs that experiment and fails when the
/// engine no longer writes these files, so what the Reports tests render is what the engine writes. Cases the real
/// run lacks (a failed run, a loss with no completed run) are derived from it here.
/// </summary>
internal static class ExperimentFixture
{
    /// <summary>The losses of experiment.json, in its order.</summary>
    public static readonly string[] Losses = ["bce", "weighted-bce", "focal-g2"];
    /// <summary>The three kinds of objective: a maximum (F1), a balanced one (Youden's J) and a floor (recall ≥ 0.9).</summary>
    public static readonly string[] Objectives = ["max_f1", "youden", "recall>=0.9"];
    public const string FailedLoss = "focal-g2";
    public const int FailedSeed = 2;
    public const string FailedError = "InvalidOperationException: loss returned NaN at epoch 4 (lr=0.05)";

    /// <summary>The run as the engine wrote it, read afresh on each call (the results hold mutable lists) as
    /// <c>losslab report</c> reads it: every file checked against results.json.</summary>
    public static (ExperimentResults Results, List<Prediction> Predictions) Build()
    {
        var saved = ResultsFolder.Load(Folder(), requirePredictions: true);
        return (saved.Results, [.. saved.Predictions]);
    }

    /// <summary>
    /// The run with <see cref="FailedLoss"/>'s seed <see cref="FailedSeed"/> failed at epoch 4 instead (no metrics, no
    /// predictions), and the aggregates over the completed runs that are left, as the engine would have written them.
    /// </summary>
    public static (ExperimentResults Results, List<Prediction> Predictions) WithFailedRun()
    {
        var (results, predictions) = Build();
        var runs = results.Runs.Select(r => r.Loss == FailedLoss && r.Seed == FailedSeed ? Failed(r) : r).ToList();
        return (results with { Runs = runs, Aggregates = SeedAggregator.Aggregate(runs, Losses) },
            predictions.Where(p => !(p.Loss == FailedLoss && p.Seed == FailedSeed)).ToList());
    }

    /// <summary>The run with every run of <paramref name="loss"/> failed with <paramref name="error"/>: no metrics, predictions or decision boundary for it.</summary>
    public static (ExperimentResults Results, List<Prediction> Predictions) WithNoCompletedRun(string loss, string error)
    {
        var (results, predictions) = Build();
        var runs = results.Runs.Select(r => r.Loss == loss ? Failed(r) with { Error = error } : r).ToList();
        return (results with
        {
            Runs = runs,
            Aggregates = SeedAggregator.Aggregate(runs, Losses),
            DecisionBoundaries = results.DecisionBoundaries.Where(b => b.Loss != loss).ToList(),
        }, predictions.Where(p => p.Loss != loss).ToList());
    }

    /// <summary>The results as for a dataset of three features: the engine then draws no decision boundaries.</summary>
    public static ExperimentResults WithThreeFeatures(ExperimentResults results) => results with
    {
        Dataset = results.Dataset with { InputShape = [3], FeatureNames = ["x1", "x2", "x3"] },
        DecisionBoundaries = [],
    };

    /// <summary>What the engine records for a run whose loss became NaN at its fourth epoch.</summary>
    private static RunResult Failed(RunResult run) => run with
    {
        Status = RunStatus.Failed, Error = FailedError,
        Epochs = run.Epochs.Take(4).Select((e, i) => i == 3 ? e with { TrainLoss = double.NaN, ValidationBce = double.NaN } : e).ToList(),
        Test = null, Validation = null, Thresholds = [], Calibration = null, ModelPath = null, ModelSha256 = null, Deployment = null, SelectedEpoch = null,
    };

    /// <summary>ReportRun/ beside this file in the repository (found by walking up to LossLab.sln, as LossLab.Tests' RepoPaths does).</summary>
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LossLab.sln")))
                return Path.Combine(dir.FullName, "tests", "LossLab.Reports.Tests", "Fixtures", "ReportRun");
        throw new InvalidOperationException($"No LossLab.sln above {AppContext.BaseDirectory}.");
    }
}
