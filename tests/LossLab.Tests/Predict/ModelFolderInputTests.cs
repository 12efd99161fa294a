using System.Text.Json.Nodes;
using LossLab.Tests.Support;

namespace LossLab.Tests.Predict;

/// <summary>
/// Bad input to <c>losslab predict</c> with a LossLab model folder exits 2 and names the file, column or key: a CSV
/// without a feature the model needs, a folder without model.json, a model.json from a newer schema, weights for
/// another architecture. One small run makes the folder; each case edits a copy.
/// </summary>
public sealed class ModelFolderInputTests
{
    [Fact]
    public void Bad_model_folders_and_data_exit_2_naming_the_file_column_or_key()
    {
        using var temp = new TempFolder();
        var random = new Random(3);
        var lines = new List<string> { "a,b,label" };
        for (var i = 0; i < 200; i++) lines.Add($"{random.Next(0, 100)},{random.Next(0, 100)},{(i % 10 == 0 ? 1 : 0)}");
        File.WriteAllLines(temp.File("data.csv"), lines);
        File.WriteAllText(temp.File("exp.json"), """
            { "name": "tiny", "dataset": { "plugin": "csv", "options": { "path": "data.csv" } },
              "model": { "plugin": "mlp", "options": { "hidden": [4] } }, "losses": [ { "plugin": "bce" } ],
              "seeds": [1], "training": { "epochs": 2 }, "bootstrap": { "resamples": 0 } }
            """);
        var run = LossLabProcess.Run(temp.Path, "run", "exp.json", "--out", "out", "--no-report", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        var model = temp.File("out/models/bce_seed1");
        Assert.True(File.Exists(Path.Combine(model, "state_dict.pt")));

        File.WriteAllLines(temp.File("no-b.csv"), lines.Select(l => l[(l.IndexOf(',') + 1)..].Replace("b,", "c,")));
        var missing = Predict(temp, model, "no-b.csv");
        Assert.Contains("no-b.csv", missing.Error);
        Assert.Contains("'a'", missing.Error);

        var empty = temp.Sub("empty");
        Assert.Contains("model.json is missing", Predict(temp, empty, "data.csv").Error);

        var newer = Copy(temp, model, "newer", card => card["schema_version"] = 99);
        var schema = Predict(temp, newer, "data.csv");
        Assert.Contains(Path.Combine("newer", "model.json"), schema.Error);
        Assert.Contains("'schema_version'", schema.Error);

        var other = Copy(temp, model, "other", card => card["options"]!["hidden"] = new JsonArray(5));
        var architecture = Predict(temp, other, "data.csv");
        Assert.Contains(Path.Combine("other", "weights.dat"), architecture.Error);
        Assert.Contains("'mlp' architecture", architecture.Error);
    }

    private static LossLabProcess.Result Predict(TempFolder temp, string model, string data)
    {
        var result = LossLabProcess.Run(temp.Path, "predict", model, "--data", data, "--out", "scored.csv");
        Assert.True(result.ExitCode == 2, result.ToString());
        return result;
    }

    private static string Copy(TempFolder temp, string model, string name, Action<JsonObject> edit)
    {
        var folder = temp.Sub(name);
        foreach (var file in Directory.GetFiles(model)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "model.json")))!.AsObject();
        edit(card);
        File.WriteAllText(Path.Combine(folder, "model.json"), card.ToJsonString());
        return folder;
    }
}
