using System.Diagnostics;

namespace LossLab.Tests.Cluster;

/// <summary>
/// A fact that needs a Slurm cluster answering <c>sinfo</c>: .ci/run starts a one-node cluster with
/// tests/cluster/slurm-cluster.sh; elsewhere the test is reported as skipped, saying how to start one.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!Answers()) Skip = "no Slurm cluster answers sinfo here: start one with `tests/cluster/slurm-cluster.sh start` (.ci/run does)";
    }

    private static bool Answers()
    {
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -o %T") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var states = sinfo.StandardOutput.ReadToEnd();
            return sinfo.WaitForExit(10_000) && sinfo.ExitCode == 0 && states.Split('\n').Any(s => s.Trim() is "idle" or "mixed" or "allocated");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
