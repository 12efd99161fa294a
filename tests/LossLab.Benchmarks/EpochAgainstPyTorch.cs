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
/// table gives the median and the minimum of those over the rounds. For the one-thread sides it also gives the
/// calling thread's CPU time per epoch (<see cref="ThreadCpuClock"/>, Python's <c>time.thread_time</c>), which
/// does not count time spent waiting for a CPU that other processes hold: the steadier figure on a shared machine.
/// </summary>
internal static class EpochAgainstPyTorch
{
    internal const string Python = "/usr/bin/python3";

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

        var sides = new (string Name, Func<(double Wall, double Cpu)> Measure)[]
        {
            ($"LossLab, CLI default ({plan.Threads} thread)", () => Engine(setup, plan.Threads)),
            ($"LossLab, {cores} threads (old default)", () => Engine(setup, cores)),
            ("PyTorch 1.13, its default threads", () => Torch(script, train, validation, 0)),
            ($"PyTorch 1.13, {cores} threads", () => Torch(script, train, validation, cores)),
        };
        foreach (var side in sides) side.Measure(); // warm-up: JIT, allocator, the page cache for python
        var results = sides.Select(_ => new List<(double Wall, double Cpu)>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var k = 0; k < sides.Length; k++)
            {
                var i = (k + round) % sides.Length;
                results[i].Add(sides[i].Measure());
            }
        output.WriteLine($"{"side",-40} {"median ms/epoch",16} {"min",8} {"thread CPU ms/epoch",20}   rounds: {rounds}; load average after {LoadAverage()}");
        for (var i = 0; i < sides.Length; i++)
            output.WriteLine($"{sides[i].Name,-40} {Median(results[i].Select(r => r.Wall)),16:F3} {results[i].Min(r => r.Wall),8:F3} {Median(results[i].Select(r => r.Cpu)),20:F3}");
        var wall = results.Select(r => Median(r.Select(x => x.Wall))).ToArray();
        var best = wall[2] < wall[3] ? 2 : 3;
        output.WriteLine($"wall clock: PyTorch's faster setting ÷ LossLab's default: {wall[best] / wall[0]:F2} × (target ≥ 3)");
        // The fastest round of each side is the one other processes disturbed least: on a shared machine the ratio of
        // minima is the steadier estimate of what each side costs, the ratio of medians the one a busy user sees.
        var fastest = results.Select(r => r.Min(x => x.Wall)).ToArray();
        output.WriteLine($"wall clock, fastest round of each side: PyTorch's faster setting ÷ LossLab's default: {Math.Min(fastest[2], fastest[3]) / fastest[0]:F2} ×");
        if (plan.Threads == 1)
            output.WriteLine($"thread CPU, both at 1 thread: PyTorch ÷ LossLab: {Median(results[2].Select(r => r.Cpu)) / Median(results[0].Select(r => r.Cpu)):F2} ×");
        torch.set_num_threads(Seed003Training.TorchThreads);
        return 0;
    }

    /// <summary>The median over epochs 2..100 of one engine run, timed between its epoch callbacks.</summary>
    private static (double, double) Engine(Seed003Training setup, int threads)
    {
        torch.set_num_threads(threads);
        var stamps = new List<(long Wall, double Cpu)>(Seed003Training.Epochs);
        setup.RunEngine(_ => stamps.Add((Stopwatch.GetTimestamp(), ThreadCpuClock.Milliseconds())));
        var pairs = stamps.Zip(stamps.Skip(1)).ToList();
        return (Median(pairs.Select(p => Stopwatch.GetElapsedTime(p.First.Wall, p.Second.Wall).TotalMilliseconds)), Median(pairs.Select(p => p.Second.Cpu - p.First.Cpu)));
    }

    private static (double, double) Torch(string script, int train, int validation, int threads)
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
        double Value(string name) => double.Parse(words[Array.IndexOf(words, name) + 1], CultureInfo.InvariantCulture);
        return (Value("median_ms"), Value("thread_cpu_median_ms"));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
