using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Merge;

/// <summary>
/// The saved model of every run, copied from the part that trained it to the same relative path in the merged
/// folder, and checked there against the SHA-256 results.json records, so the merged folder's models are the ones
/// its numbers describe.
/// </summary>
internal static class ModelFolders
{
    /// <exception cref="InvalidInputException">A run's model folder is missing from its part, or its files changed since the run.</exception>
    public static int Copy(IReadOnlyList<MergeInput> parts, string output)
    {
        var copied = 0;
        foreach (var part in parts)
        foreach (var run in part.Saved.Results.Runs.Where(r => r.ModelPath is not null))
        {
            var source = Path.Combine(part.Folder, run.ModelPath!);
            if (!Directory.Exists(source) && !File.Exists(source))
                throw new InvalidInputException($"merge: {run.Loss} seed {run.Seed}: its model {source} is missing (results.json of {part.Folder} records it); copy the shard's whole folder");
            var target = Path.GetFullPath(Path.Combine(output, run.ModelPath!));
            if (!target.StartsWith(Path.GetFullPath(output) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidInputException($"merge: {run.Loss} seed {run.Seed}: its model path '{run.ModelPath}' in {part.Folder} leads outside the results folder");
            CopyPath(source, target);
            if (run.ModelSha256 is { } recorded && FileHash.OfPath(target) is var now && now != recorded)
                throw new InvalidInputException($"merge: {run.Loss} seed {run.Seed}: the model {source} has SHA-256 {now}, results.json records {recorded} (changed since the run)");
            copied++;
        }
        return copied;
    }

    private static void CopyPath(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }
}
