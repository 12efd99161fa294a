using System.Diagnostics;
using LossLab.Tests.Support;

namespace LossLab.Tests.Cluster;

/// <summary>
/// The Slurm samples on a real (one-node) cluster: samples/cluster/slurm/submit.sh submits the default experiment as
/// a 3-task job array and a merge job chained with afterok; the merged folder must equal a single-process run.
/// </summary>
public sealed class SlurmArrayTests
{
    private static readonly string Submit = RepoPaths.Of("samples", "cluster", "slurm", "submit.sh");

    [SlurmFact]
    public void A_three_task_array_and_its_merge_job_give_the_single_process_results()
    {
        using var temp = new TempFolder();
        var results = temp.Sub("cluster");
        var ids = ShellScript.Run("bash", Submit, new Dictionary<string, string>
        {
            ["LOSSLAB"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "losslab.dll")}",
            ["RESULTS"] = results, ["SHARDS"] = "3", ["EXPERIMENT"] = "",
        }).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, ids.Length);

        var state = WaitForEnd(ids[1], TimeSpan.FromMinutes(8));
        Assert.True(state == "COMPLETED", $"merge job {ids[1]} ended {state}; job logs:\n{Logs(results)}");
        foreach (var task in Enumerable.Range(0, 3)) Assert.Equal("COMPLETED", WaitForEnd($"{ids[0]}_{task}", TimeSpan.FromSeconds(30)));

        // In the folder the jobs ran in (submit.sh's --chdir), as the embedded experiment records it as its base.
        var single = LossLabProcess.Run(results, "run", "--out", "single", "--no-report");
        Assert.True(single.ExitCode == 0, single.ToString());
        RunFolderEquality.AssertSameAsSingleProcess(Path.Combine(results, "single"), Path.Combine(results, "merged"));
        foreach (var shard in Enumerable.Range(0, 3)) Assert.True(File.Exists(Path.Combine(results, $"shard-{shard}", "results.json")));
    }

    /// <summary>The job's final state from scontrol (finished jobs stay listed for MinJobAge, 600 s in the test cluster).</summary>
    private static string WaitForEnd(string job, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var shown = ShellScript.Run("bash", $"scontrol show job {job} | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2", new Dictionary<string, string>());
            if (shown is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMEOUT" or "OUT_OF_MEMORY" or "NODE_FAIL") return shown;
            Thread.Sleep(1000);
        }
        return $"still pending after {limit.TotalSeconds} s";
    }

    private static string Logs(string folder) => string.Join("\n", Directory.GetFiles(folder, "*.out").Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
}
