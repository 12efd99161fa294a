using System.Diagnostics;

namespace LossLab.Tests.Support;

/// <summary>A script run through a shell as a cluster's job runs it (<c>bash -c</c> or <c>sh -c</c>), with CI=true.</summary>
public static class ShellScript
{
    /// <returns>Its stdout, trimmed.</returns>
    /// <remarks>A non-zero exit fails the test with the script, its exit code and both streams.</remarks>
    public static string Run(string shell, string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script}: exit {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result.Trim();
    }
}
