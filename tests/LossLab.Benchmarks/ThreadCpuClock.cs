using System.Runtime.InteropServices;

namespace LossLab.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID), Linux). With torch set to one
/// intra-op thread all of a training's work runs on the calling thread, so this clock measures the work itself
/// and, unlike wall time, does not count the time other processes on a shared machine hold the core.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Milliseconds of CPU this thread has used; NaN where the clock is unavailable.</summary>
    public static double Milliseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTime, out var t) != 0) return double.NaN;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTime, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }
}
