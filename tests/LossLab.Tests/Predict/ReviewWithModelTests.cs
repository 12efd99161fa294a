using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LossLab.Tests.Support;

namespace LossLab.Tests.Predict;

/// <summary>
/// <c>review --model --data</c> scores then reviews in one command and records what was scored and how; a model
/// spec JSON with TorchSharp weights scores like the model folder it came from on the same (standardised) rows.
/// </summary>
public sealed class ReviewWithModelTests
{
    [Fact]
    public void Review_with_model_and_data_records_both_hashes_and_how_scores_were_produced_and_a_spec_scores_like_its_folder()
    {
        using var temp = new TempFolder();
        var random = new Random(21);
        var lines = new List<string> { "a,b,label,split" };
        for (var i = 0; i < 400; i++)
        {
            var y = i % 8 == 0 ? 1 : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{random.NextDouble() * 3 + y},{random.NextDouble() * 50 - 10 * y},{(y == 1 ? "true" : "false")},{(i % 3 == 0 ? "validation" : "test")}"));
        }
        File.WriteAllLines(temp.File("data.csv"), lines);
        File.WriteAllText(temp.File("train.csv"), string.Join('\n', lines.Select(l => l[..l.LastIndexOf(',')].Replace("true", "1").Replace("false", "0"))));
        File.WriteAllText(temp.File("exp.json"), """
            { "name": "rm", "dataset": { "plugin": "csv", "options": { "path": "train.csv" } },
              "model": { "plugin": "mlp", "options": { "hidden": [4] } }, "losses": [ { "plugin": "bce" } ],
              "seeds": [1], "training": { "epochs": 6 }, "bootstrap": { "resamples": 0 } }
            """);
        var run = LossLabProcess.Run(temp.Path, "run", "exp.json", "--out", "out", "--no-report", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        var model = temp.File("out/models/bce_seed1");

        var review = LossLabProcess.Run(temp.Path, "review", "--model", model, "--data", "data.csv", "--out", "review", "--bootstrap", "20");
        Assert.True(review.ExitCode == 0, review.ToString());
        var identity = JsonNode.Parse(File.ReadAllText(temp.File("review/review.json")))!["identity"]!;
        Assert.Equal(Sha256(temp.File("data.csv")), (string?)identity["scored_data_sha256"]);
        Assert.Equal(64, ((string?)identity["model_sha256"])!.Length);
        Assert.Contains("LossLab model folder", (string?)identity["scores_produced_by"]);
        Assert.Equal("split", (string?)identity["split_column"]);
        var scored = PredictCsv.Read(temp.File("review/predictions.csv"));
        Assert.Equal(["id", "label", "split", "logit", "score"], scored.Header);

        // The spec names the folder's TorchSharp weights; it does no standardisation, so give it standardised rows.
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "model.json")))!;
        double[] mean = [.. card["standardization"]!["mean"]!.AsArray().Select(v => (double)v!)], sd = [.. card["standardization"]!["sd"]!.AsArray().Select(v => (double)v!)];
        File.WriteAllLines(temp.File("standardised.csv"), ["a,b", .. lines.Skip(1).Select(l => l.Split(',')).Select(f =>
            string.Join(',', Enumerable.Range(0, 2).Select(j => ((float)(((double)float.Parse(f[j], CultureInfo.InvariantCulture) - mean[j]) / sd[j])).ToString("R", CultureInfo.InvariantCulture))))]);
        File.WriteAllText(temp.File("spec.json"), $$"""{ "plugin": "mlp", "options": { "hidden": [4], "weights": "out/models/bce_seed1/weights.dat" } }""");
        var spec = LossLabProcess.Run(temp.Path, "predict", "spec.json", "--data", "standardised.csv", "--out", "spec.csv");
        Assert.True(spec.ExitCode == 0, spec.ToString());
        var fromSpec = PredictCsv.Read(temp.File("spec.csv")).Rows;
        Assert.Equal(scored.Rows.Select(r => r["logit"]), fromSpec.Select(r => r["logit"]));
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
