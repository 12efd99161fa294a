using System.Globalization;
using LossLab.Engine.Data;
using LossLab.Evaluation.Experiments;
using LossLab.Tests.Support;
using SkiaSharp;

namespace LossLab.Tests.Predict;

/// <summary>
/// A saved LossLab model folder, re-scored by <c>losslab predict</c> on the rows it was trained from, gives the run's
/// own predictions.csv test scores exactly (the same doubles, compared as the "R" strings written): the model folder
/// carries everything (architecture, weights, feature order, standardisation, image preprocessing).
/// </summary>
public sealed class PredictReproductionTests
{
    [Fact]
    public void Mlp_on_csv_reproduces_the_runs_test_scores_exactly()
    {
        using var temp = new TempFolder();
        var random = new Random(7);
        var lines = new List<string> { "id,x2,note,x1,x3,label" };
        for (var i = 0; i < 700; i++)
        {
            var y = random.NextDouble() < 0.1 ? 1 : 0;
            double X(double shift) => Math.Round(random.NextDouble() * 4 - 2 + shift * y, 6);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"row{i},{X(1.0)},n{i},{X(1.5)},{X(0.3) * 100},{y}"));
        }
        File.WriteAllLines(temp.File("data.csv"), lines);
        // Features in another order than the file's, so predict must take them by name.
        File.WriteAllText(temp.File("exp.json"), """
            { "name": "mlp-csv", "dataset": { "plugin": "csv", "options": { "path": "data.csv", "feature_columns": "x1,x2,x3" } },
              "model": { "plugin": "mlp", "options": { "hidden": [8, 4] } }, "losses": [ { "plugin": "bce" }, { "plugin": "focal" } ],
              "seeds": [3], "training": { "epochs": 8 }, "bootstrap": { "resamples": 0 } }
            """);
        var run = LossLabProcess.Run(temp.Path, "run", "exp.json", "--out", "out", "--no-report", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        var predict = LossLabProcess.Run(temp.Path, "predict", "out/models/focal_seed3", "--data", "data.csv", "--out", "scored.csv", "--id-column", "id");
        Assert.True(predict.ExitCode == 0, predict.ToString());

        var scored = PredictCsv.Read(temp.File("scored.csv"));
        Assert.Equal(["id", "label", "logit", "score"], scored.Header);
        Assert.Equal("row0", scored.Rows[0]["id"]);
        AssertTestScoresReproduced(scored, temp.File("out/predictions.csv"), "focal", 3, new SplitSettings());
    }

    [Theory]
    [InlineData("none", 1)]
    [InlineData("dataset", 3)]
    [InlineData("imagenet", 3)]
    public void Cnn_on_an_image_folder_reproduces_the_runs_test_scores_exactly(string normalize, int channels)
    {
        using var temp = new TempFolder();
        var random = new Random(11);
        for (var i = 0; i < 48; i++)
        {
            var positive = i % 4 == 0;
            WritePng(temp.File($"images/{(positive ? "spot" : "plain")}/img{i:D3}.png"), random, positive);
        }
        File.WriteAllText(temp.File("exp.json"), $$"""
            { "name": "cnn-images", "dataset": { "plugin": "image-folder", "options": { "path": "images", "positive_class": "spot", "size": 12, "channels": {{channels}}, "normalize": "{{normalize}}" } },
              "model": { "plugin": "cnn", "options": { "channels": [4] } }, "losses": [ { "plugin": "bce" } ],
              "split": { "validation": 0.25, "test": 0.25 },
              "seeds": [2], "training": { "epochs": 3 }, "bootstrap": { "resamples": 0 } }
            """);
        var run = LossLabProcess.Run(temp.Path, "run", "exp.json", "--out", "out", "--no-report", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        var predict = LossLabProcess.Run(temp.Path, "predict", "out/models/bce_seed2", "--data", "images", "--out", "scored.csv");
        Assert.True(predict.ExitCode == 0, predict.ToString());

        var scored = PredictCsv.Read(temp.File("scored.csv"));
        Assert.Equal(48, scored.Rows.Count);
        Assert.Equal("plain/img001.png", scored.Rows[0]["id"]); // the file path relative to the folder
        Assert.Equal("spot/img000.png", scored.Rows[36]["id"]);
        AssertTestScoresReproduced(scored, temp.File("out/predictions.csv"), "bce", 2, new SplitSettings(0.25, 0.25));
    }

    /// <summary>
    /// The run's test rows are the seed's stratified split of the data's rows (predict writes them in data order, with
    /// labels); predictions.csv lists them in split order.
    /// </summary>
    private static void AssertTestScoresReproduced((string[] Header, List<Dictionary<string, string>> Rows) scored, string predictions, string loss, int seed, SplitSettings settings)
    {
        var labels = scored.Rows.Select(r => int.Parse(r["label"], CultureInfo.InvariantCulture)).ToArray();
        var split = StratifiedSplitter.Split(labels, settings, seed);
        var runRows = PredictCsv.Read(predictions).Rows.Where(r => r["loss"] == loss && r["seed"] == seed.ToString(CultureInfo.InvariantCulture) && r["split"] == "test").ToList();
        Assert.Equal(split.Test.Length, runRows.Count);
        Assert.True(runRows.Count > 5);
        for (var k = 0; k < runRows.Count; k++)
        {
            var row = scored.Rows[split.Test[k]];
            Assert.Equal(runRows[k]["label"], row["label"]);
            Assert.Equal(runRows[k]["score"], row["score"]);
        }
    }

    private static void WritePng(string path, Random random, bool spot)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(16, 16);
        for (var y = 0; y < 16; y++)
        for (var x = 0; x < 16; x++)
        {
            var v = (byte)random.Next(0, 90);
            if (spot && Math.Abs(x - 8) < 3 && Math.Abs(y - 8) < 3) v = (byte)(200 + random.Next(0, 55));
            bitmap.SetPixel(x, y, new SKColor(v, v, v));
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
