using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>
/// The trainer runs the batch-norm cnn in the right mode, seen from outside: its saved model, put in eval mode by
/// the test and fed one image at a time, reproduces the run's validation and test logits (so they were scored with
/// running statistics, independent of which other rows shared the pass); the norm layers counted exactly one batch
/// per training step (so every step ran in train mode and no scoring pass did); and a second run gives the same
/// logits.
/// </summary>
public sealed class CnnTrainingModeTests
{
    private const int Side = 12, Rows = 400, Positives = 40, Epochs = 2, BatchSize = 32;

    [Fact]
    public void Cnn_trains_in_train_mode_and_is_scored_in_eval_mode()
    {
        var folder = Directory.CreateTempSubdirectory("losslab-cnn-mode-").FullName;
        try
        {
            Check(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(string folder)
    {
        var (resolved, data) = Setup();
        using var seedData = new SeedData(data, seed: 1, resolved.Experiment, CPU);
        using var weights = InitialWeights.Draw(resolved.Model.Instance, data.Info, seed: 1);
        RunRequest Request(string model) => new(resolved.Losses[0], seedData, weights, resolved.Model.Instance, data.Info, resolved.Experiment,
            CPU, Path.Combine(folder, model), DecisionBoundary: false);

        var first = Trainer.Run(Request("first"), null, CancellationToken.None);
        Assert.True(first.Result.Status == RunStatus.Completed, $"{first.Result.Status}: {first.Result.Error}");

        using var model = resolved.Model.Instance.Build(data.Info);
        model.load(Path.Combine(folder, "first", "weights.dat"));
        model.eval();
        AssertClose(first.Validation!.Logits, OneImageAtATime(model, seedData.ValidationInputs.All()));
        AssertClose(first.Test!.Logits, OneImageAtATime(model, seedData.TestInputs.All()));

        var stepsPerEpoch = (seedData.Split.Train.Length + BatchSize - 1) / BatchSize;
        var norms = model.named_modules().Where(m => m.module is BatchNorm2d).ToList();
        Assert.Equal(["layers.norm1", "layers.norm2"], norms.Select(m => m.name));
        Assert.All(norms, m => Assert.Equal(Epochs * stepsPerEpoch, ((BatchNorm2d)m.module).num_batches_tracked!.item<long>()));

        var second = Trainer.Run(Request("second.dat"), null, CancellationToken.None);
        Assert.Equal(first.Test.Logits, second.Test!.Logits);
        Assert.Equal(first.Validation.Logits, second.Validation!.Logits);
    }

    private static double[] OneImageAtATime(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return [.. Enumerable.Range(0, (int)images.shape[0]).Select(i => (double)model.forward(images.narrow(0, i, 1)).item<float>())];
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var gap = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(gap < 1e-4, $"largest logit difference {gap}");
    }

    /// <summary>12×12 grey images: positives hold a bright vertical bar, negatives a horizontal one, both in noise.</summary>
    private static (LossLab.Engine.Experiments.ResolvedExperiment, Dataset) Setup()
    {
        var json = SmallExperiment.Json("bce");
        json["model"] = JsonNode.Parse("""{ "plugin": "cnn", "options": { "channels": [4, 8], "dense": 8 } }""");
        json["seeds"] = JsonNode.Parse("[1]");
        json["training"] = JsonNode.Parse($$"""{ "epochs": {{Epochs}}, "batch_size": {{BatchSize}}, "learning_rate": 0.01, "threads": 1 }""");
        var resolved = SmallExperiment.Resolve(json);

        var random = new Random(11);
        var features = new float[Rows * Side * Side];
        var labels = new int[Rows];
        for (var row = 0; row < Rows; row++)
        {
            labels[row] = row < Positives ? 1 : 0;
            var image = features.AsSpan(row * Side * Side, Side * Side);
            for (var p = 0; p < image.Length; p++) image[p] = (float)(0.3 * random.NextDouble());
            var line = random.Next(2, Side - 2);
            for (var k = 2; k < Side - 2; k++) image[labels[row] == 1 ? k * Side + line : line * Side + k] += 0.7f;
        }
        return (resolved, new Dataset(features, labels, new DatasetInfo([1, Side, Side], [], ["other", "bar"], "test")));
    }
}
