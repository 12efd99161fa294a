using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Tests.Support;

namespace LossLab.Tests.Pinned;

/// <summary>
/// Numbers never move by accident: the embedded default experiment, run by the CLI with its own defaults, gives the
/// per-run hashes and test metrics in <c>default-experiment.pins.json</c>, and a review of one of its runs gives the
/// review numbers there. Read from the files the CLI writes (results.json, review.json), not from in-memory types,
/// so a refactor of the types cannot hide a change. To change them on purpose: run with
/// <c>LOSSLAB_WRITE_PINS=1</c>, look at the diff, and say why in the commit.
/// </summary>
public sealed class DefaultExperimentPinTests
{
    private static readonly string PinFile = RepoPaths.Of("tests", "LossLab.Tests", "Pinned", "default-experiment.pins.json");

    [Fact]
    public void Default_experiment_and_a_review_of_its_predictions_reproduce_the_pinned_numbers()
    {
        using var temp = new TempFolder();
        var run = LossLabProcess.Run(temp.Path, "run", "--out", "out", "--no-report");
        Assert.True(run.ExitCode == 0, run.ToString());
        var review = LossLabProcess.Run(temp.Path, "review", Path.Combine("out", "predictions.csv"), "--out", "review",
            "--split-column", "split", "--where", "loss=focal-g2", "--where", "seed=2", "--threshold", "max_f1", "--threshold", "recall>=0.9");
        Assert.True(review.ExitCode == 0, review.ToString());

        var actual = new JsonObject
        {
            ["runs"] = Runs(JsonNode.Parse(File.ReadAllText(temp.File("out/results.json")))!),
            ["review"] = Review(JsonNode.Parse(File.ReadAllText(temp.File("review/review.json")))!),
        };
        var text = actual.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("LOSSLAB_WRITE_PINS") == "1") File.WriteAllText(PinFile, text);
        var differences = new List<string>();
        Compare("", JsonNode.Parse(File.ReadAllText(PinFile)), JsonNode.Parse(text), differences);
        Assert.True(differences.Count == 0, "Pinned numbers moved:\n" + string.Join("\n", differences));
    }

    private static JsonObject Runs(JsonNode results)
    {
        var runs = new JsonObject();
        foreach (var r in results["runs"]!.AsArray())
        {
            var test = r!["test"]!;
            var thresholds = new JsonObject();
            foreach (var (name, t) in r["thresholds"]!.AsObject())
                thresholds[name] = new JsonObject { ["threshold"] = N(t!["threshold"]), ["test_f1"] = N(t["test"]!["f1"]) };
            runs[$"{(string)r["loss"]!}/seed{(int)r["seed"]!}"] = new JsonObject
            {
                ["status"] = (string)r["status"]!,
                ["init_hash"] = (string)r["init_hash"]!,
                ["data_order_hash"] = (string)r["data_order_hash"]!,
                ["test_roc_auc"] = N(test["roc_auc"]), ["test_average_precision"] = N(test["average_precision"]),
                ["test_brier"] = N(test["brier"]), ["test_ece"] = N(test["ece"]),
                ["thresholds"] = thresholds,
            };
        }
        return runs;
    }

    private static JsonObject Review(JsonNode review)
    {
        var metrics = review["metrics"]!;
        var thresholds = new JsonObject();
        foreach (var (name, t) in review["thresholds"]!.AsObject())
            thresholds[name] = new JsonObject { ["threshold"] = N(t!["threshold"]), ["test_f1"] = N(t["test"]!["f1"]), ["test_recall"] = N(t["test"]!["recall"]) };
        var bootstrap = new JsonObject();
        foreach (var (name, i) in review["bootstrap"]!.AsObject())
            bootstrap[name] = new JsonArray(N(i!["lower"]), N(i["upper"]));
        return new JsonObject
        {
            ["n"] = (int)review["n"]!, ["positives"] = (int)review["positives"]!,
            ["roc_auc"] = N(metrics["roc_auc"]), ["average_precision"] = N(metrics["average_precision"]),
            ["brier"] = N(metrics["brier"]), ["ece"] = N(metrics["ece"]),
            ["thresholds"] = thresholds, ["bootstrap"] = bootstrap,
        };
    }

    private static JsonNode N(JsonNode? value) => JsonValue.Create(value!.GetValue<double>());

    /// <summary>Strings and integers exactly; floating-point values to 1e-12 relative (the same machine gives the same bits; this only forgives printing).</summary>
    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject e:
                if (actual is not JsonObject a) { differences.Add($"{path}: expected an object, got {actual?.ToJsonString()}"); return; }
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key)) differences.Add($"{path}/{key}: not pinned (new)");
                    else if (!a.ContainsKey(key)) differences.Add($"{path}/{key}: missing");
                    else Compare($"{path}/{key}", e[key], a[key], differences);
                }
                return;
            case JsonArray e:
                if (actual is not JsonArray list || list.Count != e.Count) { differences.Add($"{path}: expected {e.ToJsonString()}, got {actual?.ToJsonString()}"); return; }
                for (var i = 0; i < e.Count; i++) Compare($"{path}[{i}]", e[i], list[i], differences);
                return;
            case JsonValue e when e.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                var x = e.GetValue<double>();
                var y = actual is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : double.NaN;
                if (!(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x))))
                    differences.Add($"{path}: expected {x.ToString("R", CultureInfo.InvariantCulture)}, got {actual?.ToJsonString()}");
                return;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString()) differences.Add($"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
                return;
        }
    }
}
