using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using TorchSharp;

namespace LossLab.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark: `-- resnet-epochs DIR SIZE EPOCHS THREADS` trains the resnet plugin's resnet18
/// (random initialisation, all layers trained) with BCE on an image folder (RGB, channels 3; e.g. one from
/// `make-images`) through the engine's trainer, batches of 64, Adam 0.001, and prints each epoch's wall time and
/// process CPU time (the training steps plus the validation pass) and the split sizes. resnet_epoch.py times PyTorch on the same model,
/// image count, batch and thread count.
/// </summary>
public static class ResNetEpoch
{
    public static int Run(TextWriter output, string folder, int size, int epochs, int threads)
    {
        var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
        var resolved = ExperimentResolver.Resolve(null, [
            "dataset.plugin=image-folder", $"dataset.options={{\"path\": \"{Path.GetFullPath(folder)}\", \"positive_class\": \"pos\", \"size\": {size}, \"channels\": 3}}",
            "model.plugin=resnet", "model.options={\"arch\": \"resnet18\"}", "losses=[\"bce\"]", "seeds=[1]", $"training.epochs={epochs}",
            "training.batch_size=64", "training.learning_rate=0.001", $"training.threads={threads}", "training.select_epoch=last",
            "training.early_stopping=false", "bootstrap.resamples=0",
        ], catalog);
        torch.set_num_threads(threads);
        var data = DatasetLoader.Load(resolved, _ => { }, CancellationToken.None);
        using var seed = new SeedData(data, 1, resolved.Experiment, torch.CPU);
        output.WriteLine($"ResNetEpoch: resnet18 at {size}x{size} RGB, {seed.Split.Train.Length} training and {seed.ValidationLabels.Length} validation images, batch 64, torch threads {torch.get_num_threads()}, {Environment.ProcessorCount} cores");
        var weights = InitialWeights.Draw(resolved.Model.Instance, data.Info, 1);
        var request = new RunRequest(resolved.Losses[0], seed, weights, resolved.Model.Instance, data.Info, resolved.Experiment, torch.CPU, null, false);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = Trainer.Run(request, progress =>
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {progress.Epoch}: {clock.Elapsed.TotalSeconds:F1} s, process CPU {(now - cpu).TotalSeconds:F1} s (train loss {progress.TrainLoss:F4})"));
            (cpu, clock) = (now, Stopwatch.StartNew());
        }, CancellationToken.None);
        output.WriteLine($"run {outcome.Result.Status}");
        return 0;
    }
}
