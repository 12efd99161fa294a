using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

/// <summary>The closing analysis that <c>losslab run</c> (<see cref="ExperimentClosing"/>) and <c>losslab review</c> share.</summary>
public class ClosingAnalysisTests
{
    private static readonly string[] Objectives = ["max_f1", "recall>=0.8"];

    private static readonly IReadOnlyList<Gate> DeploymentGates = Gates("""
        [ { "metric": "roc_auc", "min": 0.8, "use": "lower_ci" },
          { "metric": "precision", "at": "max_f1", "min": 0.1, "prevalence": "deployment" },
          { "metric": "recall", "at": "recall>=0.8", "min": 0.5 },
          { "metric": "average_precision", "min": 0.1, "prevalence": "deployment" },
          { "metric": "ece", "max": 0.2, "use": "upper_ci" } ]
        """);

    private static IReadOnlyList<Gate> Gates(string json) => GateParser.Parse(JsonNode.Parse(json), "gates.json");

    /// <summary>A completed run as <c>losslab run</c> records it: thresholds tuned on validation, judged on test.</summary>
    private static (RunResult Run, List<Prediction> Rows) Run(string loss, int seed, int data)
    {
        var (vy, vs) = RandomData.Scores(data, 500, 12, 3);
        var (ty, ts) = RandomData.Scores(data + 1000, 700, 12, 3);
        var tune = new RankedRows(vy, vs);
        var test = new RankedRows(ty, ts);
        var run = new RunResult
        {
            Loss = loss, Seed = seed, Status = RunStatus.Completed, Test = Metrics.Compute(test), Validation = Metrics.Compute(tune),
            Thresholds = Objectives.Select(ThresholdObjective.Parse).ToDictionary(o => o.Name, o => ThresholdTuner.Evaluate(o, tune, test)),
        };
        List<Prediction> rows = [.. vy.Select((y, i) => new Prediction("validation", seed, loss, y, vs[i])),
            .. ty.Select((y, i) => new Prediction("test", seed, loss, y, ts[i]))];
        return (run, rows);
    }

    private static ExperimentResults Experiment(string[] losses, int[] seeds, IEnumerable<RunResult> runs) => new()
    {
        Name = "closing", Title = "closing", Environment = new EnvironmentInfo(),
        Dataset = new DatasetSummary { Plugin = "synthetic" }, Model = new ModelSummary { Plugin = "mlp" },
        Losses = [.. losses.Select(l => new LossSummary { Name = l, Plugin = l })],
        Seeds = [.. seeds], ThresholdObjectives = [.. Objectives], Runs = [.. runs],
    };

    private static ClosingSettings Settings(IReadOnlyList<Gate> gates, double? prevalence = 0.01, int resamples = 150) => new()
    {
        Gates = gates, DeploymentPrevalence = prevalence, BootstrapResamples = resamples, BootstrapSeed = 5, BootstrapConfidence = 0.9,
    };

    [Fact]
    public void Run_judges_a_loss_with_one_seed_as_review_judges_the_same_rows()
    {
        var (run, rows) = Run("bce", 1, 17);
        var closed = ExperimentClosing.Close(Experiment(["bce"], [1], [run]), rows, Settings(DeploymentGates));

        var table = new PredictionTable("predictions.csv", [.. rows.Select(p => p.Label)], [.. rows.Select(p => p.Score)], [.. rows.Select(p => p.Split)]);
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            Objectives = Reference.Objectives.Of(Objectives), Gates = DeploymentGates, DeploymentPrevalence = 0.01,
            BootstrapResamples = 150, BootstrapSeed = 5, BootstrapConfidence = 0.9,
        });

        var gates = Assert.Single(closed.Gates);
        Assert.Equal(1, gates.Seeds);
        Assert.Equal(review.Gates, gates.Results);
        Assert.Equal(review.GatesPassed, closed.GatesPassed);
        Assert.All(gates.Results, g => Assert.NotNull(g.Interval));
        Assert.Equal(ResultsJson.Serialize(review.Deployment), ResultsJson.Serialize(closed.Runs[0].Deployment));
        Assert.Equal(0.01, closed.Prevalence);
    }

    [Fact]
    public void A_gate_over_seeds_is_the_mean_of_each_seed_s_value_at_its_own_threshold()
    {
        var seeds = new[] { Run("bce", 1, 3), Run("bce", 2, 4), Run("bce", 3, 5) };
        var gates = Gates("""[ { "metric": "roc_auc", "min": 0.5 }, { "metric": "f1", "at": "max_f1", "min": 0.01, "use": "lower_ci" } ]""");
        var closed = ExperimentClosing.Close(Experiment(["bce"], [1, 2, 3], seeds.Select(s => s.Run)), seeds.SelectMany(s => s.Rows), Settings(gates, null));

        var results = Assert.Single(closed.Gates).Results;
        double Mean(Func<int[], double[], RunResult, double> metric) => seeds.Average(s =>
        {
            var test = s.Rows.Where(p => p.Split == "test").ToList();
            return metric([.. test.Select(p => p.Label)], [.. test.Select(p => p.Score)], s.Run);
        });
        Assert.Equal(Mean((y, p, _) => SlowReference.RocAuc(y, p)), results[0].Value, 12);
        Assert.Equal(Mean((y, p, r) => SlowReference.F1(y, p, r.Thresholds["max_f1"].Threshold)), results[1].Value, 12);
        Assert.Null(results[1].Threshold);
        Assert.Equal("validation (each seed)", results[1].TunedOn);
        Assert.InRange(results[1].Value, results[1].Interval!.Lower, results[1].Interval!.Upper);
        Assert.All(closed.Runs, r => Assert.Null(r.Deployment));
    }

    [Fact]
    public void Gates_judge_each_loss_over_its_own_completed_seeds_and_the_bootstrap_only_seeds_every_loss_completed()
    {
        var bce = new[] { Run("bce", 1, 3), Run("bce", 2, 4) };
        var focal = Run("focal", 1, 6);
        var failed = new RunResult { Loss = "focal", Seed = 2, Status = RunStatus.Failed, Error = "broke" };
        var never = new RunResult { Loss = "never", Seed = 1, Status = RunStatus.Diverged };
        var gates = Gates("""[ { "metric": "roc_auc", "min": 0.5 } ]""");
        var closed = ExperimentClosing.Close(
            Experiment(["bce", "focal", "never"], [1, 2], [bce[0].Run, focal.Run, never, bce[1].Run, failed]),
            [.. bce[0].Rows, .. focal.Rows, .. bce[1].Rows], Settings(gates) with { BootstrapResamples = 20 });

        Assert.Equal([2, 1, 0], closed.Gates.Select(g => g.Seeds));
        Assert.Equal("no completed run to judge", closed.Gates[2].Results[0].Reason);
        Assert.False(closed.GatesPassed);
        Assert.Null(closed.Bootstrap); // no seed in which all three completed
        Assert.Equal([true, true, false, true, false], closed.Runs.Select(r => r.Deployment is not null));
        Assert.Equal([2, 1, 0], closed.Aggregates.Select(a => a.CompletedRuns));
    }

    [Fact]
    public void Gates_with_the_same_metric_share_one_interval_and_without_resamples_an_interval_gate_fails_saying_why()
    {
        var (run, rows) = Run("bce", 1, 9);
        var gates = Gates("""[ { "metric": "roc_auc", "min": 0.5, "use": "lower_ci" }, { "metric": "roc_auc", "min": 0.999, "use": "lower_ci" } ]""");
        var scored = new ScoredRun(new RankedRows([.. rows.Where(p => p.Split == "test").Select(p => p.Label)], [.. rows.Where(p => p.Split == "test").Select(p => p.Score)]),
            run.Test!, run.Thresholds, new RankedRows([.. rows.Where(p => p.Split == "validation").Select(p => p.Label)], [.. rows.Where(p => p.Split == "validation").Select(p => p.Score)]), "validation");

        var judged = ClosingAnalysis.Gates([scored], Settings(gates));
        Assert.Equal(judged.Results[0].Interval, judged.Results[1].Interval);
        Assert.Equal([true, false], judged.Results.Select(g => g.Passed));
        Assert.Equal(["roc_auc"], judged.Intervals.Keys);
        Assert.False(judged.Passed);

        var none = ClosingAnalysis.Gates([scored], Settings(gates, resamples: 0));
        Assert.Empty(none.Intervals);
        Assert.All(none.Results, g => Assert.Contains("no bootstrap interval", g.Reason));
        Assert.Contains("roc_auc ≥ 0.5 (lower CI)", GateRequirements.MissingInterval(gates, 0));
        Assert.Null(GateRequirements.MissingInterval(gates, 1));
    }

    [Fact]
    public void Settings_with_a_problem_are_refused_with_the_same_message_by_run_and_review()
    {
        var (run, rows) = Run("bce", 1, 9);
        var deployed = Gates("""[ { "metric": "precision", "at": "max_f1", "min": 0.1, "prevalence": "deployment" } ]""");
        var e = Assert.Throws<InvalidInputException>(() =>
            ExperimentClosing.Close(Experiment(["bce"], [1], [run]), rows, Settings(deployed, prevalence: null)));
        Assert.Equal(GateRequirements.MissingPrevalence(deployed, null), e.Message);
        Assert.StartsWith("Gate 'precision at max_f1 at deployment prevalence ≥ 0.1' is judged at the deployment prevalence; add \"prevalence\"", e.Message);
        Assert.Null(GateRequirements.MissingPrevalence(deployed, 0.01));

        var table = new PredictionTable("p.csv", [.. rows.Select(p => p.Label)], [.. rows.Select(p => p.Score)], [.. rows.Select(p => p.Split)]);
        Assert.Equal(e.Message, Assert.Throws<InvalidInputException>(() => ReviewAnalyzer.Analyze(table, new ReviewOptions { Gates = deployed })).Message);

        Assert.Equal("Bootstrap resamples must be 0 (skip) or more (got -1).", (Settings([]) with { BootstrapResamples = -1 }).Problem());
        Assert.StartsWith("Bootstrap confidence must be in (0, 1)", (Settings([]) with { BootstrapConfidence = 1 }).Problem());
        Assert.StartsWith("The deployment prevalence must be in (0, 1)", (Settings([]) with { DeploymentPrevalence = 0 }).Problem());
        Assert.Null(Settings(deployed).Problem());
    }
}
