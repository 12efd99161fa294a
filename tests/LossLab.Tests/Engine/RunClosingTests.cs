using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Engine;

/// <summary><c>losslab run</c> closes its runs with the analysis <c>losslab review</c> uses.</summary>
public sealed class RunClosingTests
{
    [Fact]
    public void A_loss_trained_under_one_seed_gets_the_gates_and_deployment_view_a_review_of_its_predictions_gets()
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce", "focal");
        json["seeds"] = new JsonArray(1);
        json["prevalence"] = 0.01;
        json["gates"] = JsonNode.Parse("""
            [ { "metric": "roc_auc", "min": 0.8, "use": "lower_ci" },
              { "metric": "precision", "at": "max_f1", "min": 0.1, "prevalence": "deployment" },
              { "metric": "recall", "at": "recall>=0.8", "min": 0.5 } ]
            """);
        var resolved = SmallExperiment.Resolve(json);
        var results = SmallExperiment.Run(resolved, temp.Path);
        Assert.All(results.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));

        var experiment = resolved.Experiment;
        foreach (var run in results.Runs)
        {
            var table = PredictionTableReader.Read(Path.Combine(temp.Path, "predictions.csv"), splitColumn: "split",
                where: [("loss", run.Loss), ("seed", "1")]);
            var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
            {
                Objectives = experiment.Thresholds, Gates = experiment.Gates, DeploymentPrevalence = experiment.Prevalence,
                BootstrapResamples = experiment.Bootstrap.Resamples, BootstrapSeed = experiment.Bootstrap.Seed,
                BootstrapConfidence = experiment.Bootstrap.Confidence,
            });
            var gates = results.Gates.Single(g => g.Loss == run.Loss);
            Assert.Equal(1, gates.Seeds);
            Assert.Equal(review.Gates, gates.Results);
            Assert.Equal(ResultsJson.Serialize(review.Deployment), ResultsJson.Serialize(run.Deployment));
        }
    }
}
