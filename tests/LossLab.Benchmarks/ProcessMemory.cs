using System.Globalization;

namespace LossLab.Benchmarks;

/// <summary>The process's peak resident set, as the memory benchmarks print it.</summary>
internal static class ProcessMemory
{
    /// <summary>VmHWM (peak resident set) from /proc/self/status; 0 where there is none.</summary>
    public static long PeakResident()
    {
        if (!File.Exists("/proc/self/status")) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
