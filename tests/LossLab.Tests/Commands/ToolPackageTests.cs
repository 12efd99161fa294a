using System.Diagnostics;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// losslab as a .NET tool: packed from the build this test run already made, installed into a temporary tool path,
/// and run from there: the standard plugins and libtorch travel inside the package, and the TorchSharp native fix
/// (host/LossLab.Engine/Native) works on the installed copy.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_runs_the_default_experiment_from_there()
    {
        using var temp = new TempFolder();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var packages = temp.Sub("nupkg");
        var tools = temp.Sub("tools");

        // --no-build: the CLI was built for this test run; building again here would race the other test assemblies.
        Run(temp.Path, "dotnet", "pack", RepoPaths.Of("host", "LossLab.Cli", "LossLab.Cli.csproj"), "-c", configuration, "--no-build", "-o", packages);
        var package = Assert.Single(Directory.GetFiles(packages, "LossLab.*.nupkg"));
        // The version packed here, so a LossLab package on another configured source can never be the one installed.
        var packed = Path.GetFileNameWithoutExtension(package)["LossLab.".Length..];
        Run(temp.Path, "dotnet", "tool", "install", "LossLab", "--version", packed, "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources");
        var losslab = Path.Combine(tools, OperatingSystem.IsWindows() ? "losslab.exe" : "losslab");

        var version = Run(temp.Path, losslab, "--version");
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());

        Run(temp.Path, losslab, "run", "--quiet", "--out", "out");
        foreach (var file in new[] { "results.json", "report.pdf", "summary.md" })
            Assert.True(File.Exists(Path.Combine(temp.Path, "out", file)), file);
        var installed = Directory.GetDirectories(Path.Combine(tools, ".store"), "plugins", SearchOption.AllDirectories);
        Assert.Contains(installed, d => File.Exists(Path.Combine(d, "LossLab.Plugins.Losses", "LossLab.Plugins.Losses.dll")));
    }

    private static string Run(string directory, string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish in 5 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)}: exit {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
