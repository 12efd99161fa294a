using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using LossLab.Evaluation.Results;
using TorchSharp;

namespace LossLab.Engine.Running;

/// <summary>The machine and library versions a result was produced with, for the reproducibility appendix.</summary>
public static class EnvironmentProbe
{
    public static EnvironmentInfo Describe(torch.Device device, int threads) => new()
    {
        Os = RuntimeInformation.OSDescription,
        DotNet = RuntimeInformation.FrameworkDescription,
        TorchSharp = Version(typeof(torch).Assembly),
        LibTorch = LibTorchPackage(),
        Device = device.type.ToString().ToLowerInvariant(),
        Threads = threads,
        Machine = $"{RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores",
        LossLab = Version(typeof(EnvironmentProbe).Assembly),
    };

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The libtorch package the running application was built against, read from its deps.json.</summary>
    private static string LibTorchPackage()
    {
        var deps = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json").FirstOrDefault();
        if (deps is null) return "unknown";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(deps));
            return doc.RootElement.GetProperty("libraries").EnumerateObject()
                .Select(l => l.Name)
                .Where(n => n.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase) && n.Count(c => c == '-') >= 2)
                .OrderByDescending(n => n.Length)
                .FirstOrDefault() ?? "unknown";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            return "unknown";
        }
    }
}
