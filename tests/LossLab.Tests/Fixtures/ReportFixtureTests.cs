using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Running;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Support;

namespace LossLab.Tests.Fixtures;

/// <summary>
/// The Reports tests render a real run: results.json and predictions.csv of the small experiment in
/// tests/LossLab.Reports.Tests/Fixtures/ReportRun, committed there. This test runs that experiment again and fails when
/// the engine's output no longer matches the committed files, so the fixture cannot drift from what the engine writes.
/// Ignored: what varies by machine, build or clock (start time, environment, run durations, the plugin DLLs'
/// SHA-256, and so each saved model folder's SHA-256, since its model.json records them; the absolute experiment path and base folder). Plugin paths are stored relative to the test's output folder. To rewrite the files on purpose: run with
/// <c>LOSSLAB_WRITE_FIXTURES=1</c>, look at the diff, and say why in the commit.
/// </summary>
public sealed partial class ReportFixtureTests
{
    private static readonly string Folder = RepoPaths.Of("tests", "LossLab.Reports.Tests", "Fixtures", "ReportRun");
    private const string CommandLine = "losslab run experiment.json --out ReportRun --device cpu";

    [GeneratedRegex(@"^/(started_at|experiment_source|base_directory|environment(/.*)?|(plugins|losses)\[\d+\]/sha256|runs\[\d+\]/(duration_s|model_sha256)|decision_boundaries_sha256)$")]
    private static partial Regex Varying();

    [Fact]
    public void The_committed_report_fixture_is_what_the_engine_writes_for_its_experiment()
    {
        using var temp = new TempFolder();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "experiment.json")))!.AsObject();
        var resolved = ExperimentResolver.Resolve(json, "experiment.json", StandardPlugins.Catalog);
        new ExperimentRunner().Run(resolved, new RunOptions(temp.Path, 1, "cpu", CommandLine), new RecordingProgress(), CancellationToken.None);

        var results = Normalized(JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, ResultsFolder.ResultsFile)))!);
        var resultsText = results.ToJsonString(ResultsJson.Options) + "\n";
        var predictionsPath = Path.Combine(temp.Path, ResultsFolder.PredictionsFile);
        if (Environment.GetEnvironmentVariable("LOSSLAB_WRITE_FIXTURES") == "1")
        {
            File.WriteAllText(Path.Combine(Folder, ResultsFolder.ResultsFile), resultsText);
            File.Copy(predictionsPath, Path.Combine(Folder, ResultsFolder.PredictionsFile), overwrite: true);
            File.Copy(Path.Combine(temp.Path, DecisionBoundaryFile.Name), Path.Combine(Folder, DecisionBoundaryFile.Name), overwrite: true);
        }

        var differences = new List<string>();
        differences.AddRange(JsonDifferences.Of(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, ResultsFolder.ResultsFile))), JsonNode.Parse(resultsText), Varying().IsMatch));
        ComparePredictions(PredictionsFile.Read(Path.Combine(Folder, ResultsFolder.PredictionsFile)), PredictionsFile.Read(predictionsPath), differences);
        differences.AddRange(JsonDifferences.Of(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, DecisionBoundaryFile.Name))),
            JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, DecisionBoundaryFile.Name)))).Select(d => $"{DecisionBoundaryFile.Name}: {d}"));
        Assert.True(differences.Count == 0,
            "The engine no longer writes the committed report fixture (rewrite it with LOSSLAB_WRITE_FIXTURES=1 if the change is meant):\n"
            + string.Join("\n", differences.Take(40)));
    }

    [Fact]
    public void The_fixture_exercises_gates_a_deployment_prevalence_decision_boundaries_and_loss_measurements()
    {
        var results = ResultsFolder.Load(Folder, requirePredictions: true).Results;
        Assert.Equal([1, 2], results.Seeds);
        Assert.All(results.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.All(results.Runs, r => Assert.NotNull(r.Deployment));
        Assert.NotNull(results.Prevalence);
        Assert.Contains(results.Gates, g => g.Passed);
        Assert.Contains(results.Gates, g => !g.Passed);
        Assert.Equal(results.Losses.Count, results.DecisionBoundaries.Count);
        Assert.All(results.Losses, l => Assert.NotNull(l.Measurements));
    }

    /// <summary>Absolute paths of plugin DLLs (in the test's output folder) become relative, so the file is the same on every machine.</summary>
    private static JsonNode Normalized(JsonNode results)
    {
        var output = AppContext.BaseDirectory;
        // The experiment's absolute path and folder depend on the machine (and are ignored when comparing).
        results["experiment_source"] = "experiment.json";
        results["base_directory"] = ".";
        foreach (var list in (string[])["plugins", "losses"])
            foreach (var item in results[list]!.AsArray())
                if ((string?)item!["source"] is { } source && Path.IsPathRooted(source))
                    item["source"] = Path.GetRelativePath(output, source).Replace('\\', '/');
        return results;
    }

    private static void ComparePredictions(List<Prediction> expected, List<Prediction> actual, List<string> differences)
    {
        if (expected.Count != actual.Count) { differences.Add($"predictions.csv: {expected.Count} rows committed, {actual.Count} written"); return; }
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            if (e with { Score = 0 } != a with { Score = 0 } || !JsonDifferences.Close(e.Score, a.Score))
                differences.Add($"predictions.csv row {i + 1}: committed {e}, written {a}");
        }
    }
}
