using System.Diagnostics;

namespace LossLab.Benchmarks;

/// <summary>
/// <c>-- back-to-back N</c>: N trainings of one side in a row (as BenchmarkDotNet runs them, unlike the alternating
/// <see cref="TrainingProfile"/>), bare, bare with the engine's incremental ROC-AUC (bare-inc), also with its optimizer (bare-eng), engine, twice over: wall clock and thread CPU per training, process CPU
/// (work on other threads: GC, finalizers), GC counts and pauses. First, TorchSharp's live tensor count around one
/// training of each side, before and after a full GC, to show whether a run leaves tensors to the finalizer.
/// </summary>
internal static class BackToBack
{
    public static int Run(TextWriter output, int runs)
    {
        using var setup = new Seed003Training();
        var bare = new BareMlpTraining(setup);
        var bareIncremental = new BareMlpTraining(setup, incrementalRocAuc: true);
        var bareEngineParts = new BareMlpTraining(setup, incrementalRocAuc: true, engineOptimizer: true);
        foreach (var (name, action) in new (string, Action)[] { ("bare", () => bare.Run()), ("engine", () => setup.RunEngine()) })
        {
            action();
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            long before = TorchSharp.torch.Tensor.TotalCount;
            action();
            long after = TorchSharp.torch.Tensor.TotalCount;
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            output.WriteLine($"{name}: live tensors before {before}, after one run {after}, after GC {TorchSharp.torch.Tensor.TotalCount}");
        }
        foreach (var (name, action) in new (string, Action)[] { ("bare", () => bare.Run()), ("bare-inc", () => bareIncremental.Run()), ("bare-eng", () => bareEngineParts.Run()), ("engine", () => setup.RunEngine()), ("bare", () => bare.Run()), ("bare-inc", () => bareIncremental.Run()), ("bare-eng", () => bareEngineParts.Run()), ("engine", () => setup.RunEngine()) })
        {
            for (int i = 0; i < 5; i++) action();
            var wall = new List<double>(); var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            var pStart = process.TotalProcessorTime; int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < runs; i++)
            {
                double c = ThreadCpuClock.Milliseconds(); long t = Stopwatch.GetTimestamp();
                action();
                wall.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); cpu.Add(ThreadCpuClock.Milliseconds() - c);
            }
            double total = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            wall.Sort(); cpu.Sort();
            output.WriteLine($"{name,-8} wall median {wall[runs / 2],7:F2} min {wall[0],7:F2} | thread cpu median {cpu[runs / 2],7:F2} min {cpu[0],7:F2} | process cpu/run {(process.TotalProcessorTime - pStart).TotalMilliseconds / runs,7:F2} | wall/run {total / runs,7:F2} | gc {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2} pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms");
        }
        return 0;
    }
}
