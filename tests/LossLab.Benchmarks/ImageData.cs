using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Experiments;
using LossLab.Engine.Native;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using SkiaSharp;
using TorchSharp;

using static LossLab.Benchmarks.ProcessMemory;

namespace LossLab.Benchmarks;

/// <summary>
/// Not BenchmarkDotNet benchmarks: image data at scale (issue 15 item 6). `-- make-images DIR COUNT SIDE` writes a
/// photo-like JPEG folder (pos/ 5 %, neg/ the rest); `-- images DIR SIZE [EPOCHS [augment]]` loads it with the image-folder
/// plugin (RGB, channels 3), reports images decoded per second, the process's peak resident set (VmHWM) after the
/// load and after one seed's data, the time to make one epoch's training batches (bytes to floats, augmented
/// with "augment") without training on them, then trains the cnn with BCE for EPOCHS epochs (batch 64) and reports each
/// epoch's time. Run one folder per process: VmHWM is the process's high-water mark.
/// </summary>
public static class ImageData
{
    public static int Make(TextWriter output, string folder, int count, int side)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, n =>
        {
            var positive = n % 20 == 0;
            var dir = Directory.CreateDirectory(Path.Combine(folder, positive ? "pos" : "neg")).FullName;
            var random = new Random(n);
            using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
            // Smooth colour gradients with noise and a bright disc for positives: JPEGs of a few KB, like small photos.
            var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
            var (cx, cy, radius) = (random.Next(side), random.Next(side), side / 6);
            var pixels = bitmap.GetPixelSpan();
            var rgba = new byte[pixels.Length];
            for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                var noise = random.Next(-20, 21);
                var disc = positive && (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius ? 90 : 0;
                byte C(int v) => (byte)Math.Clamp(v + noise + disc, 0, 255);
                var at = y * bitmap.RowBytes + 4 * x;
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = (C(r0 * x / side), C(g0 * y / side), C(b0), 255);
            }
            System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
            using var jpeg = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 90);
            File.WriteAllBytes(Path.Combine(dir, $"{n:000000}.jpg"), jpeg.ToArray());
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} JPEGs of {side}x{side} to {folder} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    public static int Measure(TextWriter output, string folder, int size, int epochs, bool augment)
    {
        TorchRuntime.Prepare();
        var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
        var resolved = ExperimentResolver.Resolve(null, [
            "dataset.plugin=image-folder", $"dataset.options={{\"path\": \"{Path.GetFullPath(folder)}\", \"positive_class\": \"pos\", \"size\": {size}, \"channels\": 3}}",
            "model.plugin=cnn", "model.options={}", "losses=[\"bce\"]", "seeds=[1]", $"training.epochs={Math.Max(1, epochs)}", "training.batch_size=64",
            "training.learning_rate=0.001", "bootstrap.resamples=0", $"training.augment={(augment ? "true" : "false")}",
        ], catalog);
        output.WriteLine($"ImageData: {folder}, size {size}, channels 3, augment {augment}, {Environment.ProcessorCount} cores, torch threads {torch.get_num_threads()}");
        output.WriteLine($"VmHWM before loading: {Mib(PeakResident()):F0} MiB");

        var clock = Stopwatch.StartNew();
        var data = DatasetLoader.Load(resolved, _ => { }, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var floats = (long)data.Count * data.RowLength * sizeof(float);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decoded {data.Count} images in {seconds:F1} s: {data.Count / seconds:F0} images/s; bytes held {Mib((long)data.Count * data.StoredRowLength):F0} MiB (as float32 they would be {Mib(floats):F0} MiB)"));
        output.WriteLine($"VmHWM after loading: {Mib(PeakResident()):F0} MiB");
        clock.Restart();
        using var seed = new SeedData(data, 1, resolved.Experiment, torch.CPU);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one seed's data (split and batch schedule; validation and test stay bytes) in {clock.Elapsed.TotalSeconds:F1} s; VmHWM {Mib(PeakResident()):F0} MiB"));
        clock.Restart();
        var batches = 0;
        foreach (var order in seed.Schedule.EpochOrders().Take(1))
            foreach (var batch in seed.Schedule.Batches(order))
            {
                using var scope = torch.NewDisposeScope();
                seed.TrainBatch(batch, null, 0, batches++);
            }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one epoch's {batches} training batches of {seed.Schedule.BatchSize} made (bytes to float inputs{(augment ? ", augmented" : "")}) in {clock.Elapsed.TotalSeconds:F2} s, without training"));
        if (epochs == 0) return 0;

        var weights = InitialWeights.Draw(resolved.Model.Instance, data.Info, 1);
        var request = new RunRequest(resolved.Losses[0], seed, weights, resolved.Model.Instance, data.Info, resolved.Experiment, torch.CPU, null, false);
        var last = Stopwatch.StartNew();
        Trainer.Run(request, progress =>
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {progress.Epoch}: {last.Elapsed.TotalSeconds:F1} s for {seed.Split.Train.Length} training images and {seed.ValidationLabels.Length} validation images; VmHWM {Mib(PeakResident()):F0} MiB"));
            last.Restart();
        }, CancellationToken.None);
        return 0;
    }
}
