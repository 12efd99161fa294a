using System.Runtime.InteropServices;
using System.Text;

namespace LossLab.Engine.Native;

/// <summary>
/// Makes TorchSharp loadable before anything touches it. libLibTorchSharp.so 0.107 was linked by GCC 13 and asks
/// for GLIBCXX_3.4.32 only to force a version dependency (std::ios_base_library_init, used by no relocation);
/// Debian 12 / Ubuntu 22.04 ship GCC 12's libstdc++. Where the system library lacks that version, the copy in
/// this application's own build output is patched (once: the patch is idempotent). The NuGet cache is never touched.
/// </summary>
public static class TorchRuntime
{
    public const string NativeLibrary = "libLibTorchSharp.so";
    public const string CxxLibrary = "libstdc++.so.6";
    public const string MissingVersion = "GLIBCXX_3.4.32";

    private static readonly Lock Gate = new();
    private static bool _prepared;

    /// <summary>What the last <see cref="Prepare"/> did, for logs and the environment section of results.</summary>
    public static string Status { get; private set; } = "not prepared";

    public static void Prepare()
    {
        lock (Gate)
        {
            if (_prepared) return;
            Status = PrepareCore(AppContext.BaseDirectory);
            _prepared = true;
        }
    }

    internal static string PrepareCore(string baseDirectory)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return "not Linux: nothing to do";
        var cxx = FindLoadedCxxLibrary();
        if (cxx is not null && FileMentions(cxx, MissingVersion)) return $"{cxx} has {MissingVersion}: nothing to do";

        var results = new List<string>();
        foreach (var candidate in NativeCopies(baseDirectory))
        {
            if (candidate.Contains($"{Path.DirectorySeparatorChar}.nuget{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                continue;
            var outcome = ElfVersionNeedPatcher.MakeWeak(candidate, CxxLibrary, MissingVersion);
            results.Add($"{candidate}: {outcome}");
        }
        return results.Count == 0 ? $"no {NativeLibrary} under {baseDirectory}" : string.Join("; ", results);
    }

    /// <summary>The copies of the native library an application built into <paramref name="baseDirectory"/> loads from.</summary>
    internal static IEnumerable<string> NativeCopies(string baseDirectory)
    {
        var direct = Path.Combine(baseDirectory, NativeLibrary);
        if (File.Exists(direct)) yield return direct;
        var runtimes = Path.Combine(baseDirectory, "runtimes");
        if (!Directory.Exists(runtimes)) yield break;
        foreach (var rid in Directory.EnumerateDirectories(runtimes, "linux*"))
        {
            var path = Path.Combine(rid, "native", NativeLibrary);
            if (File.Exists(path)) yield return path;
        }
    }

    /// <summary>The libstdc++ this process already uses (the .NET runtime links it), else the usual system paths.</summary>
    private static string? FindLoadedCxxLibrary()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var at = line.IndexOf('/');
                if (at >= 0 && line.AsSpan(at).EndsWith(CxxLibrary)) return line[at..];
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }

        string[] dirs = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib"];
        return dirs.Select(d => Path.Combine(d, CxxLibrary)).FirstOrDefault(File.Exists);
    }

    private static bool FileMentions(string path, string text)
    {
        var needle = Encoding.ASCII.GetBytes(text + "\0");
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }
}
