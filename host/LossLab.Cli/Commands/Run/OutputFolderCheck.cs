using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// Results folders that cannot be mixed: <c>run --out DIR</c> writes only into a folder that is empty or missing, or
/// holds an unfinished run of the very same experiment (which it then continues, as --resume would). Anything else
/// (another experiment's results, a finished run, files LossLab did not write) is refused unless --force, which
/// clears LossLab's own files first so no stale model or old report.pdf survives.
/// </summary>
internal static class OutputFolderCheck
{
    /// <returns>The earlier unfinished run of the same experiment to continue, or null to start afresh.</returns>
    /// <exception cref="UsageException">The folder holds something else and <paramref name="force"/> is false.</exception>
    /// <param name="shard">The shard this run trains (null for every run): an unfinished folder is continued only when it is that same shard.</param>
    public static PreviousResults? Prepare(string output, string experimentSha256, bool force, ShardInfo? shard = null)
    {
        var folder = new ResultsFolder(output);
        if (folder.IsEmpty) return null;
        if (force)
        {
            folder.ClearOwnFiles();
            return null;
        }
        // A run killed before it wrote anything but temporary files left nothing to keep.
        folder.RemoveOrphanTemporaries();
        if (folder.IsEmpty) return null;
        PreviousResults? previous = null;
        try
        {
            if (File.Exists(folder.ResultsPath)) previous = ResultsFolder.Load(output);
        }
        catch (InvalidInputException)
        {
            previous = null;
        }
        if (previous is { } p && p.Results.ExperimentSha256 == experimentSha256 && p.Results.Shard == shard && Unfinished(p.Results))
            return previous;
        var what = previous is null ? "files LossLab did not write there, or an unreadable results.json"
            : previous.Results.ExperimentSha256 != experimentSha256 ? $"the results of another experiment ('{previous.Results.Name}')"
            : previous.Results.Shard != shard ? (previous.Results.Shard is { } other ? $"shard {other} of this experiment" : "every run of this experiment") + (shard is null ? "" : $", not shard {shard}")
            : "a finished run of this experiment";
        throw new UsageException($"--out {output}: the folder holds {what}; choose an empty folder, or add --force to clear LossLab's own files there ({string.Join(", ", ResultsFolder.OwnFiles)}, models/) first");
    }

    private static bool Unfinished(ExperimentResults results) =>
        results.Runs.Count < ShardPlan.Planned(results).Count || results.Runs.Any(r => r.Status != RunStatus.Completed);
}
