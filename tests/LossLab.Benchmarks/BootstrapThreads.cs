using System.Diagnostics;
using LossLab.Evaluation.Results;

namespace LossLab.Benchmarks;

/// <summary>
/// <c>-- bootstrap-threads [rounds] [seeds]</c>: <see cref="BootstrapBenchmarks"/>' call with 1 thread and with every
/// core, alternating within each round (BootstrapBenchmarks measures one side's iterations after the other's, so on a
/// shared machine a burst of load lands on one side only). Per side: median and minimum wall time, and process CPU
/// time per call (work of every thread: what running on more cores costs). Checks first that both sides give the same
/// results.json text.
/// </summary>
internal static class BootstrapThreads
{
    public static int Run(TextWriter output, int rounds, int seeds)
    {
        var sets = BootstrapBenchmarks.TestSets(seeds);
        var sides = new[] { (Name: "1 thread", Threads: 1), (Name: $"{Environment.ProcessorCount} threads", Threads: 0) };
        string one = ResultsJson.Serialize(BootstrapBenchmarks.Run(sets, 1)), all = ResultsJson.Serialize(BootstrapBenchmarks.Run(sets, 0));
        output.WriteLine($"{seeds} seeds × 1800 rows × 3 losses, 1000 resamples; same results.json text: {one == all}");
        var wall = sides.Select(_ => new List<double>()).ToArray();
        var cpu = sides.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < sides.Length; k++)
            {
                int s = (r + k) % sides.Length; // alternate which side goes first
                process.Refresh();
                var c = process.TotalProcessorTime;
                long t = Stopwatch.GetTimestamp();
                BootstrapBenchmarks.Run(sets, sides[s].Threads);
                wall[s].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                process.Refresh();
                cpu[s].Add((process.TotalProcessorTime - c).TotalMilliseconds);
            }
        for (int s = 0; s < sides.Length; s++)
        {
            wall[s].Sort();
            cpu[s].Sort();
            output.WriteLine($"{sides[s].Name,-10} wall median {wall[s][rounds / 2],8:F1} ms, min {wall[s][0],8:F1} ms | process CPU median {cpu[s][rounds / 2],8:F1} ms");
        }
        output.WriteLine($"wall ratio (1 thread / all cores): median {wall[0][rounds / 2] / wall[1][rounds / 2]:F2}, min {wall[0][0] / wall[1][0]:F2}");
        return 0;
    }
}
