using System.Reflection;

namespace LossLab.Tests.Build;

/// <summary>
/// A fact about the ReadyToRun build output: reported as skipped, not passed, when this build does not make it
/// (Debug, -p:LossLabReadyToRun=false, or a machine crossgen2 has no compiler for; build/ReadyToRun.props decides,
/// and LossLab.Tests.csproj records its decision in this assembly's metadata).
/// </summary>
public sealed class ReadyToRunFactAttribute : FactAttribute
{
    public ReadyToRunFactAttribute()
    {
        if (!BuildMakesReadyToRun)
            Skip = "this build does not compile to ReadyToRun (LossLabReadyToRun is not true: Debug or opted out)";
    }

    public static bool BuildMakesReadyToRun => Metadata("LossLabReadyToRun") == "true";

    public static string Configuration => Metadata("LossLabConfiguration")
        ?? throw new InvalidOperationException("LossLab.Tests.csproj records no LossLabConfiguration");

    private static string? Metadata(string key) => typeof(ReadyToRunFactAttribute).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
}
