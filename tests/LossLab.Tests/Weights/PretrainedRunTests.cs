using System.Text.Json.Nodes;
using LossLab.Engine.Weights;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Engine;
using LossLab.Tests.Samples;
using LossLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Tests.Weights;

/// <summary>
/// A run that starts from pretrained weights: an ImageNet-shaped resnet18 checkpoint (1000-way fc) loads into the
/// resnet plugin after the seeded build, so each seed has its own head and one init_hash shared by its losses; the
/// frozen backbone leaves training exactly as loaded; results.json names the file, its SHA-256 and the key lists;
/// and a checkpoint that does not fit stops `losslab run` with exit 2 naming the file and the key.
/// </summary>
public sealed class PretrainedRunTests
{
    private static JsonObject Experiment(string images, string weights, string freeze) => JsonNode.Parse($$"""
        {
          "name": "pretrained",
          "dataset": { "plugin": "image-folder", "options": { "path": "{{images}}", "positive_class": "three", "size": 32, "grayscale": false } },
          "split": { "validation": 0.2, "test": 0.3 },
          "model": { "plugin": "resnet", "options": { "arch": "resnet18", "weights": "{{weights}}", "freeze": "{{freeze}}" } },
          "losses": ["bce", "focal"],
          "seeds": [1, 2],
          "training": { "epochs": 1, "batch_size": 64, "learning_rate": 0.01 },
          "thresholds": ["max_f1"],
          "bootstrap": { "resamples": 20 }
        }
        """)!.AsObject();

    /// <summary>
    /// A checkpoint shaped like torchvision's ImageNet resnet18 (keys and shapes from the committed list, 1000-way fc),
    /// with seeded values (variances positive), in TorchSharp's format: 45 MB, so made here rather than committed.
    /// </summary>
    private static string ImageNetResNet18(string folder)
    {
        var path = Path.Combine(folder, "imagenet-resnet18.dat");
        using var scope = NewDisposeScope();
        var generator = new Generator(99);
        var state = new Dictionary<string, Tensor>();
        foreach (var line in File.ReadLines(WeightsFixtures.Path("resnet18-keys.txt")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split(' ');
            var shape = parts[2].Length == 0 ? Array.Empty<long>() : parts[2].Split(',').Select(long.Parse).ToArray();
            state[parts[0]] = parts[1] == "int64" ? zeros(shape, ScalarType.Int64)
                : parts[0].EndsWith("running_var") ? rand(shape, generator: generator) + 0.5
                : randn(shape, generator: generator) * 0.05;
        }
        using (var writer = new BinaryWriter(File.Create(path))) nn.Module.save_state_dict(writer, state);
        return path;
    }

    [Fact]
    public void A_frozen_pretrained_backbone_is_seeded_hashed_recorded_and_left_as_loaded()
    {
        using var temp = new TempFolder();
        var images = SampleTests.WriteDigitLikeFolder(temp.Sub("images"), positives: 12, negatives: 200);
        var weights = ImageNetResNet18(temp.Path);
        var progress = new RecordingProgress();

        var results = SmallExperiment.Run(SmallExperiment.Resolve(Experiment(images, weights, "backbone")), temp.Sub("out"), progress: progress);

        Assert.All(results.Runs, r => Assert.True(r.Status == RunStatus.Completed, $"{r.Loss} seed {r.Seed}: {r.Status} {r.Error}"));
        var card = results.Model.Weights!;
        Assert.Equal(FileHash.Of(weights), card.Sha256);
        Assert.Equal("torchsharp", card.Format);
        Assert.Equal(["fc.weight", "fc.bias"], card.New);
        Assert.Equal([1000L, 512], card.Skipped.Single(s => s.Key == "fc.weight").FileShape);
        Assert.Equal(120, card.Loaded.Count);
        Assert.Equal(513, results.Model.TrainableParameters);
        Assert.Contains(progress.Messages, m => m.Contains("loaded 120 keys") && m.Contains("fc.weight [1000, 512]"));

        // Every loss of a seed starts from the same weights; the seeds differ only in their fresh heads.
        var hashes = results.Runs.GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.Select(r => r.InitHash).Distinct().Single());
        Assert.NotEqual(hashes[1], hashes[2]);

        using var file = WeightsFile.Read(weights);
        foreach (var run in results.Runs)
        {
            using var trained = WeightsFile.Read(Path.Combine(temp.Path, "out", run.ModelPath!, "weights.dat"));
            foreach (var key in new[] { "conv1.weight", "layer3.0.bn1.running_mean", "layer4.1.bn2.weight" })
            {
                file.TryGetValue(key, out var loaded);
                trained.TryGetValue(key, out var after);
                Assert.True(after.allclose(loaded, rtol: 0, atol: 0), $"{run.Loss} seed {run.Seed}: frozen {key} changed in training");
            }
        }
    }

    [Fact]
    public void A_checkpoint_for_three_channels_stops_a_one_channel_run_with_exit_2_naming_file_and_key()
    {
        using var temp = new TempFolder();
        var images = SampleTests.WriteDigitLikeFolder(temp.Sub("images"), positives: 12, negatives: 60);
        var weights = ImageNetResNet18(temp.Path);
        var json = Experiment(images, weights, "none");
        json["dataset"]!["options"]!["grayscale"] = true;
        var experiment = Path.Combine(temp.Path, "grey.json");
        File.WriteAllText(experiment, json.ToJsonString());

        var result = LossLabProcess.Run(temp.Path, "run", experiment, "--out", temp.Sub("out"), "--no-report", "--quiet");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(weights, result.Error);
        Assert.Contains("key 'conv1.weight' has shape [64, 3, 7, 7] in the file but [64, 1, 7, 7] in the model", result.Error);
    }

    [Fact]
    public void A_missing_weights_file_is_an_experiment_problem_before_any_data_loads()
    {
        using var temp = new TempFolder();
        var json = Experiment(Path.Combine(temp.Path, "no-images"), "missing.pt", "none");
        var e = Assert.Throws<LossLab.Engine.Experiments.ExperimentException>(() => LossLab.Engine.Experiments.ExperimentResolver.Resolve(json, Path.Combine(temp.Path, "x.json"), StandardPlugins.Catalog));
        Assert.Contains($"model: model 'resnet': weights file not found: {Path.Combine(temp.Path, "missing.pt")}", e.Message);
    }
}
