using System.Globalization;
using TorchSharp;

namespace LossLab.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark (`-- memory`): one engine training of the seed-003 MLP for 100 epochs in this
/// process, sampling the process's resident set (VmRSS) from the engine's epoch callback every 10 epochs. The
/// measurement is the growth from epoch 10 (allocator, JIT and libtorch warm) to epoch 100; target ≤ 5 %.
/// Prints PASS or FAIL and returns 0 either way: it is a measurement, not a test.
/// </summary>
public static class TrainingMemoryCheck
{
    public const double TargetGrowth = 0.05;

    public static int Run(TextWriter output)
    {
        using var setup = new Seed003Training();
        var samples = new SortedDictionary<int, (long Rss, long Managed, long LiveTensors, int Collections)>();
        setup.RunEngine(progress =>
        {
            if (progress.Epoch % 10 == 0)
                samples[progress.Epoch] = (ResidentBytes(), GC.GetTotalMemory(false), torch.Tensor.TotalCount, GC.CollectionCount(0));
        });

        output.WriteLine($"TrainingMemoryCheck: engine Trainer.Run, seed-003 MLP, {Seed003Training.Epochs} epochs, torch threads {Seed003Training.TorchThreads}");
        output.WriteLine("epoch   VmRSS MiB   managed heap MiB   live tensors (TorchSharp)   GCs so far");
        foreach (var (epoch, s) in samples)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{epoch,5}   {Mib(s.Rss),9:F1}   {Mib(s.Managed),16:F1}   {s.LiveTensors,26}   {s.Collections,10}"));

        var at10 = samples[10].Rss;
        var at100 = samples[Seed003Training.Epochs].Rss;
        var growth = (double)(at100 - at10) / at10;
        var verdict = growth <= TargetGrowth ? "PASS" : "FAIL";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS at epoch 10: {Mib(at10):F1} MiB; at epoch {Seed003Training.Epochs}: {Mib(at100):F1} MiB; growth {growth:+0.00%;-0.00%} (target ≤ {TargetGrowth:0%}): {verdict}"));
        return 0;
    }

    /// <summary>VmRSS from /proc/self/status, else Environment.WorkingSet.</summary>
    public static long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Environment.WorkingSet;
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
