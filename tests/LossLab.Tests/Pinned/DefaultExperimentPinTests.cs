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
        var differences = JsonDifferences.Of(JsonNode.Parse(File.ReadAllText(PinFile)), JsonNode.Parse(text));
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
}
