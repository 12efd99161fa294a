using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Running;
using TorchSharp;

namespace LossLab.Benchmarks;

/// <summary>
/// <c>-- epoch-vs-pytorch [rounds=7]</c>: the time of one epoch of the seed-study MLP (<see cref="Seed003Training"/>:
/// a full-batch training step and the validation pass) in LossLab's engine, with the torch threads the CLI chooses
/// by default (<see cref="ExecutionPlan"/>) and with every core (the CLI's default before the plan), against PyTorch
/// doing the same epoch (<c>torch_epoch.py</c> beside this file, run by <c>/usr/bin/python3</c>) with its default
/// threads and with every core. Each round measures every side once, in a rotating order, so a burst of load from
/// another process lands on all sides alike; a side's figure is the median over epochs 2..100 of a run, and the
/// table gives the median and the minimum of those over the rounds.
/// </summary>
internal static class EpochAgainstPyTorch
{
    private const string Python = "/usr/bin/python3";

    public static int Run(TextWriter output, int rounds)
    {
        using var setup = new Seed003Training();
        var train = setup.Data.Summary()["train"].Rows;
        var validation = setup.Data.Summary()["validation"].Rows;
        var cores = Environment.ProcessorCount;
        var plan = ExecutionPlan.Choose(0, 0, new ExecutionPlan.Inputs(cores, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            setup.Weights.ParameterCount, 2, 1, train, 9, DrawsRandomNumbers: false));
        var script = Path.Combine(AppContext.BaseDirectory, "torch_epoch.py");
        output.WriteLine($"seed-study MLP, {train} training and {validation} validation rows, {Seed003Training.Epochs} epochs; {cores} cores; load average {LoadAverage()}");
        output.WriteLine($"LossLab's default plan: {plan.Parallel} run(s) at once, {plan.Threads} thread(s): {plan.Reason}");

        var sides = new (string Name, Func<double> Measure)[]
        {
            ($"LossLab, CLI default ({plan.Threads} thread)", () => Engine(setup, plan.Threads)),
            ($"LossLab, {cores} threads (old default)", () => Engine(setup, cores)),
            ("PyTorch 1.13, its default threads", () => Torch(script, train, validation, 0)),
            ($"PyTorch 1.13, {cores} threads", () => Torch(script, train, validation, cores)),
        };
        foreach (var side in sides) side.Measure(); // warm-up: JIT, allocator, the page cache for python
        var results = sides.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var k = 0; k < sides.Length; k++)
            {
                var i = (k + round) % sides.Length;
                results[i].Add(sides[i].Measure());
            }
        output.WriteLine($"{"side",-40} {"median ms/epoch",16} {"min",8}   rounds: {rounds}; load average after {LoadAverage()}");
        for (var i = 0; i < sides.Length; i++)
            output.WriteLine($"{sides[i].Name,-40} {Median(results[i]),16:F3} {results[i].Min(),8:F3}");
        var best = Median(results[2]) < Median(results[3]) ? 2 : 3;
        output.WriteLine($"PyTorch's faster setting ÷ LossLab's default: {Median(results[best]) / Median(results[0]):F2} × (target ≥ 3)");
        torch.set_num_threads(Seed003Training.TorchThreads);
        return 0;
    }

    /// <summary>The median over epochs 2..100 of one engine run, timed between its epoch callbacks.</summary>
    private static double Engine(Seed003Training setup, int threads)
    {
        torch.set_num_threads(threads);
        var stamps = new List<long>(Seed003Training.Epochs);
        setup.RunEngine(_ => stamps.Add(Stopwatch.GetTimestamp()));
        var epochs = stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();
        return Median(epochs);
    }

    private static double Torch(string script, int train, int validation, int threads)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, "--train", $"{train}", "--validation", $"{validation}", "--epochs", $"{Seed003Training.Epochs}", "--threads", $"{threads}" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} {script} failed: {error}");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return double.Parse(words[Array.IndexOf(words, "median_ms") + 1], CultureInfo.InvariantCulture);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
