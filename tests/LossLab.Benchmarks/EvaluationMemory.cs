using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Data;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using TorchSharp;

using static LossLab.Benchmarks.ProcessMemory;

namespace LossLab.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark: `-- evaluation-memory DIR SIZE chunked|whole` loads an image folder (RGB,
/// channels 3) as a run does, makes one seed's data, and scores the validation and test splits with the logistic
/// model (whose activations are negligible, so the peak is the inputs'): `chunked` as the trainer does
/// (<see cref="EvaluationInputs"/>, 64 MiB of float inputs per chunk), `whole` with each split converted into one float
/// tensor and scored in one call, as every version before chunking did. Prints the peak resident set (VmHWM) after
/// each stage and checks that both ways give the same scores' checksum. One mode per process: VmHWM is the process's
/// high-water mark.
/// </summary>
public static class EvaluationMemory
{
    public static int Run(TextWriter output, string folder, int size, string mode)
    {
        var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
        var resolved = ExperimentResolver.Resolve(null, [
            "dataset.plugin=image-folder", $"dataset.options={{\"path\": \"{Path.GetFullPath(folder)}\", \"positive_class\": \"pos\", \"size\": {size}, \"channels\": 3}}",
            "model.plugin=logistic", "model.options={}", "losses=[\"bce\"]", "seeds=[1]", "bootstrap.resamples=0",
        ], catalog);
        output.WriteLine($"EvaluationMemory: {folder}, size {size}, mode {mode}; VmHWM before loading {Mib(PeakResident()):F0} MiB");
        var data = DatasetLoader.Load(resolved, _ => { }, CancellationToken.None);
        output.WriteLine($"{data.Count} images loaded; VmHWM {Mib(PeakResident()):F0} MiB");
        using var seed = new SeedData(data, 1, resolved.Experiment, torch.CPU);
        output.WriteLine($"one seed's data; VmHWM {Mib(PeakResident()):F0} MiB");
        torch.manual_seed(1);
        using var model = resolved.Model.Instance.Build(data.Info);
        var clock = Stopwatch.StartNew();
        double checksum = 0;
        foreach (var (name, rows) in new[] { ("validation", seed.Split.Validation), ("test", seed.Split.Test) })
        {
            using var inputs = EvaluationInputs.Images(seed.Pixels!, rows, data.Info.InputShape, torch.CPU, mode == "whole" ? long.MaxValue : EvaluationInputs.ChunkBytes);
            var scored = Trainer.Score(model, inputs);
            checksum += scored.Logits.Sum();
            output.WriteLine($"{name}: {rows.Length} images in chunks of {Math.Min(inputs.RowsPerChunk, rows.Length)}; VmHWM {Mib(PeakResident()):F0} MiB");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored in {clock.Elapsed.TotalSeconds:F1} s; sum of logits {checksum:R}"));
        return 0;
    }
}
