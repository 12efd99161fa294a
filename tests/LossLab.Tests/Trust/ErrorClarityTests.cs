using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Cli;
using LossLab.Engine.Data;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Support;
using static TorchSharp.torch;

namespace LossLab.Tests.Trust;

/// <summary>BCE computed from detached logits: a loss through which no gradient can flow (test only).</summary>
public sealed class DetachedLoss : LossPlugin
{
    public override string Name => "detached";
    public override string Description => "BCE of detached logits (test only)";
    public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) =>
        nn.functional.binary_cross_entropy_with_logits(logits.detach(), targets, reduction: nn.Reduction.None);
}

/// <summary>Two features, the second NaN in row 5 (test only).</summary>
public sealed class NanDataset : DatasetPlugin
{
    public override string Name => "nan-data";
    public override string Description => "a dataset with a NaN feature (test only)";
    public override Dataset Load(DatasetContext context)
    {
        var features = Enumerable.Range(0, 400).Select(i => (float)(i % 7)).ToArray();
        features[9] = float.NaN;
        return new Dataset(features, [.. Enumerable.Range(0, 200).Select(i => i % 10 == 0 ? 1 : 0)], new DatasetInfo([2], ["x", "y"], ["no", "yes"], "generated"));
    }
}

/// <summary>Issue 17, part 4: every error a clear one, with exit 2 and the file, key, row or column named.</summary>
public sealed class ErrorClarityTests
{
    private static string ShippedAppSettings => RepoPaths.Of("host", "LossLab.Cli", "appsettings.json");

    [Fact]
    public void PluginFolders_is_read_where_the_shipped_appsettings_puts_it()
    {
        using var temp = new TempFolder();
        var json = JsonNode.Parse(File.ReadAllText(ShippedAppSettings))!.AsObject();
        // Edit the shipped file's own key, wherever it nests it.
        json["LossLab"]!["PluginFolders"] = new JsonArray("/opt/my-plugins");
        var copy = temp.File("appsettings.json", json.ToJsonString());
        var configuration = LossLabConfiguration.Build(copy, []);
        Assert.Contains("/opt/my-plugins", LossLabConfiguration.PluginFolders(configuration));
    }

    [Fact]
    public void A_malformed_appsettings_json_is_an_error_naming_the_file_and_line()
    {
        using var temp = new TempFolder();
        var copy = temp.File("appsettings.json", File.ReadAllText(ShippedAppSettings).Replace("\"Logging\"", "Logging"));
        var e = Assert.Throws<UsageException>(() => LossLabConfiguration.Build(copy, []));
        Assert.Contains(copy, e.Message);
        Assert.Contains("line 1", e.Message);
    }

    [Fact]
    public void An_unknown_log_level_in_the_environment_exits_2_naming_the_variable()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, new Dictionary<string, string> { ["LOSSLAB_Logging__LogLevel__Default"] = "Bogus" }, "plugins");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Logging:LogLevel:Default = 'Bogus'", result.Error);
        Assert.Contains("LOSSLAB_Logging__LogLevel__Default", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Csv_labels_other_than_two_classes_are_an_error_naming_the_row()
    {
        using var temp = new TempFolder();
        temp.File("data.csv", "a,label\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i},{(i == 41 ? 2 : i % 10 == 0 ? 1 : 0)}")) + "\n");
        temp.File("e.json", """{ "dataset": { "plugin": "csv", "options": { "path": "data.csv" } }, "seeds": [1], "training": { "epochs": 1 } }""");
        var result = LossLabProcess.Run(temp.Path, "run", "e.json", "--out", "out", "--no-report");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("data row 42", result.Error);
        Assert.Contains("third label '2'", result.Error);
        Assert.False(File.Exists(temp.File("out/results.json")));
    }

    [Fact]
    public void Dropped_text_columns_are_listed_in_the_log_results_json_and_summary()
    {
        using var temp = new TempFolder();
        var rows = UserCsv.Text(600).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        temp.File("data.csv", string.Join("\n", rows.Select((r, i) => (i == 0 ? "id," : $"row{i},") + r)) + "\n");
        temp.File("e.json", """{ "dataset": { "plugin": "csv", "options": { "path": "data.csv" } }, "seeds": [1], "losses": ["bce"], "training": { "epochs": 2 }, "bootstrap": { "resamples": 0 } }""");
        var result = LossLabProcess.Run(temp.Path, "run", "e.json", "--out", "out", "--no-report");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("'id'", result.Error);
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        Assert.Equal(["id"], results.Dataset.DroppedColumns);
        Assert.Contains(results.Warnings, w => w.Code == WarningCodes.DroppedColumns && w.Message.Contains("'id'"));
        Assert.Contains("dropped_columns", File.ReadAllText(temp.File("out/summary.md")));
    }

    [Fact]
    public void A_duplicate_key_in_an_experiment_file_exits_2_naming_it()
    {
        using var temp = new TempFolder();
        temp.File("e.json", """{ "name": "a", "seeds": [1], "name": "b" }""");
        var result = LossLabProcess.Run(temp.Path, "run", "e.json", "--out", "out");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("e.json", result.Error);
        Assert.Contains("'name'", result.Error);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void A_review_csv_with_two_score_columns_and_an_empty_gates_file_are_errors()
    {
        using var temp = new TempFolder();
        temp.File("two.csv", "label,score,score\n1,0.9,0.1\n0,0.2,0.8\n");
        var two = LossLabProcess.Run(temp.Path, "review", "two.csv", "--out", "r");
        Assert.True(two.ExitCode == 2, two.ToString());
        Assert.Contains("'score' appears more than once", two.Error);

        temp.File("one.csv", "label,score\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");
        temp.File("gates.json", "[]");
        var empty = LossLabProcess.Run(temp.Path, "review", "one.csv", "--out", "r", "--gates", "gates.json");
        Assert.True(empty.ExitCode == 2, empty.ToString());
        Assert.Contains("gates.json: the list of gates is empty", empty.Error);
        Assert.False(File.Exists(temp.File("r/review.json")));
    }

    [Fact]
    public void A_loss_without_gradient_fails_its_run_with_a_clear_message()
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("detached", "bce");
        var results = SmallExperiment.Run(SmallExperiment.Resolve(json, StandardPlugins.With(typeof(DetachedLoss))), temp.Path);
        var failed = results.Runs.Where(r => r.Loss == "detached").ToList();
        Assert.All(failed, r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.All(failed, r => Assert.Contains("the loss returned a tensor that does not require grad", r.Error));
        Assert.All(failed, r => Assert.DoesNotContain("c10::", r.Error));
        Assert.All(results.Runs.Where(r => r.Loss == "bce"), r => Assert.Equal(RunStatus.Completed, r.Status));
    }

    [Fact]
    public void Nan_features_are_bad_data_not_divergence()
    {
        using var temp = new TempFolder();
        var json = SmallExperiment.Json("bce");
        json["dataset"] = JsonNode.Parse("""{ "plugin": "nan-data" }""");
        var e = Assert.Throws<DataException>(() => SmallExperiment.Run(SmallExperiment.Resolve(json, StandardPlugins.With(typeof(NanDataset))), temp.Path));
        Assert.Contains("row 5, feature 'y'", e.Message);
        Assert.Contains("bad data", e.Message);
        Assert.False(File.Exists(Path.Combine(temp.Path, "results.json")));
    }
}
