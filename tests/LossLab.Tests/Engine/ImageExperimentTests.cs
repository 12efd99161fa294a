using System.Text.Json.Nodes;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using SkiaSharp;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>A few-second image experiment: a CNN on 16 × 16 PNGs of a bar, vertical for positives, horizontal otherwise.</summary>
public sealed class ImageExperimentTests
{
    internal static string WriteImages(string root)
    {
        var random = new Random(11);
        foreach (var (folder, count, vertical) in new[] { ("bar", 24, true), ("other", 96, false) })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            for (var n = 0; n < count; n++)
            {
                using var bitmap = new SKBitmap(20, 16);
                bitmap.Erase(new SKColor((byte)random.Next(40), (byte)random.Next(40), (byte)random.Next(40)));
                var at = random.Next(4, 12);
                for (var k = 2; k < 14; k++) bitmap.SetPixel(vertical ? at : k, vertical ? k : at, new SKColor(230, (byte)random.Next(150, 256), 90));
                using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(root, folder, $"{n:000}.png"), png.ToArray());
            }
        }
        File.WriteAllText(Path.Combine(root, "other", "corrupt.jpg"), "not a jpeg");
        return root;
    }

    private static JsonObject Json(string images, bool augment, string normalize = "dataset") => JsonNode.Parse($$"""
        {
          "name": "images",
          "dataset": { "plugin": "image-folder", "options": { "path": "{{images}}", "positive_class": "bar", "size": 16, "channels": 3, "normalize": "{{normalize}}" } },
          "split": { "validation": 0.25, "test": 0.25 },
          "model": { "plugin": "cnn", "options": { "channels": [4] } },
          "losses": ["bce", "weighted-bce"],
          "seeds": [1, 2],
          "training": { "epochs": 2, "batch_size": 16, "learning_rate": 0.01, "augment": {{(augment ? "true" : "false")}} },
          "thresholds": ["max_f1"],
          "bootstrap": { "resamples": 20 }
        }
        """)!.AsObject();

    private static (string, int, string, double?)[] Fingerprint(ExperimentResults r) =>
        [.. r.Runs.Select(run => (run.Loss, run.Seed, run.DataOrderHash, run.Test?.RocAuc)).Order()];

    [Fact]
    public void Augmented_training_is_shared_by_the_losses_of_a_seed_hashed_and_the_same_in_parallel()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp.Sub("images"));
        var plain = SmallExperiment.Run(SmallExperiment.Resolve(Json(images, augment: false)), temp.Sub("plain"));
        var augmented = SmallExperiment.Run(SmallExperiment.Resolve(Json(images, augment: true)), temp.Sub("augmented"));
        var parallel = SmallExperiment.Run(SmallExperiment.Resolve(Json(images, augment: true)), temp.Sub("parallel"), parallel: 2);

        Assert.All(augmented.Runs, r => Assert.True(r.Status == RunStatus.Completed, r.Error));
        foreach (var seed in new[] { 1, 2 })
        {
            Assert.Single(augmented.Runs.Where(r => r.Seed == seed).Select(r => r.DataOrderHash).Distinct());
            // The same split and orders, but augmented: the hash covers the crops and flips.
            Assert.NotEqual(plain.Runs.First(r => r.Seed == seed).DataOrderHash, augmented.Runs.First(r => r.Seed == seed).DataOrderHash);
        }
        Assert.Equal(Fingerprint(augmented), Fingerprint(parallel));
        Assert.NotEqual(plain.Runs.Select(r => r.Test!.RocAuc), augmented.Runs.Select(r => r.Test!.RocAuc));
    }

    [Fact]
    public void A_corrupt_image_is_listed_in_results_json_with_its_reason()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp.Sub("images"));
        var json = Json(images, augment: false);
        json["seeds"] = new JsonArray(1);
        json["losses"] = new JsonArray("bce");
        SmallExperiment.Run(SmallExperiment.Resolve(json), temp.Sub("out"));
        var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "results.json")))!;
        var skipped = Assert.Single(saved["dataset"]!["skipped_inputs"]!.AsArray())!;
        Assert.Equal(Path.Combine("other", "corrupt.jpg"), (string?)skipped["path"]);
        Assert.Equal("not a decodable PNG or JPEG", (string?)skipped["reason"]);
    }

    [Fact]
    public void A_training_batch_of_images_is_augmented_the_same_way_every_time_it_is_asked_for()
    {
        using var temp = new TempFolder();
        var images = WriteImages(temp.Sub("images"));
        var resolved = SmallExperiment.Resolve(Json(images, augment: true, normalize: "none"));
        var data = LossLab.Engine.Running.DatasetLoader.Load(resolved, _ => { }, CancellationToken.None);
        using var seed = new SeedData(data, 1, resolved.Experiment, CPU);
        using var scope = NewDisposeScope();
        var positions = new ArraySegment<int>([.. Enumerable.Range(0, 16)]);
        var first = seed.TrainBatch(positions, null, 0, 0).data<float>().ToArray();
        Assert.Equal(first, seed.TrainBatch(positions, null, 0, 0).data<float>().ToArray());
        Assert.NotEqual(first, seed.TrainBatch(positions, null, 1, 0).data<float>().ToArray());
        Assert.All(first, v => Assert.InRange(v, 0f, 1f)); // bilinear mixes of [0, 1] values stay in [0, 1]
    }
}
