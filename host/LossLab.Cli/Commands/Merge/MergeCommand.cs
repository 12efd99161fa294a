using System.CommandLine;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Cli.Terminal;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Merge;

/// <summary>
/// <c>losslab merge DIR... --out DIR</c>: joins the shards of one experiment (<c>run --shard i/n</c>) into the
/// complete results folder a single-process run writes: it checks the parts come from the same LossLab version,
/// experiment, data and plugins and share no run, then closes the runs with the closing analysis <c>run</c> uses
/// (<see cref="ExperimentClosing"/>) and writes results.json, predictions.csv, models/ and the report files.
/// Reads saved files only: it never loads the training engine. Exit 1 when a run is missing, failed, diverged or
/// was cancelled (everything is still written; <c>run --resume</c> on the merged folder trains what is missing);
/// else 3 when a loss fails one of the experiment's gates.
/// </summary>
public sealed class MergeCommand(TerminalConsoles consoles, ILogger<MergeCommand> logger)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("merge", "Join the shard folders of `run --shard` into one complete results folder and report");
        MergeSettings.Declare(command);
        command.SetAction(parse => services.Get<MergeCommand>().Execute(MergeSettings.Bind(parse)));
        return command;
    }

    public int Execute(MergeSettings settings)
    {
        var parts = Read(settings.Folders, settings.Out);
        ShardMerge.Check(parts);
        PrepareOutput(settings.Out, settings.Force);
        foreach (var part in parts)
            logger.LogInformation("{Folder}: {What}, {Runs} run(s)", part.Folder,
                part.Saved.Results.Shard is { } shard ? $"shard {shard}" : "not a shard", part.Saved.Results.Runs.Count);

        var (joined, predictions) = ShardMerge.Join(parts, settings.CommandLine);
        var models = ModelFolders.Copy(parts, settings.Out);
        var results = ExperimentClosing.Close(joined, predictions, ClosingSettings.Of(joined.Experiment));
        new ResultsFolder(settings.Out).Save(results, predictions);
        var pdf = Path.Combine(settings.Out, "report.pdf");
        ReportFiles.Write(results, predictions, pdf, logger, pdf: !settings.NoReport);

        var missing = ShardMerge.Missing(results);
        if (missing.Count > 0)
            logger.LogWarning("{Count} run(s) missing, in none of the folders: {Runs}; `losslab run --resume {Out}` trains them and closes the analysis again",
                missing.Count, string.Join(", ", missing.Select(m => $"{m.Loss} seed {m.Seed}")), settings.Out);
        var notCompleted = results.Runs.Where(r => r.Status != RunStatus.Completed).ToList();
        foreach (var run in notCompleted) logger.LogWarning("{Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
        ReportFiles.LogWarnings(logger, results);
        logger.LogInformation("Merged {Parts} folder(s): {Completed}/{Total} runs completed, {Models} model folder(s) copied",
            parts.Count, results.Runs.Count - notCompleted.Count, ShardPlan.Planned(results).Count, models);
        int gates = ExitCodes.Success;
        foreach (var loss in results.Gates)
            if (GateReport.Log(logger, loss.Results, loss.Loss) != ExitCodes.Success) gates = ExitCodes.GateFailed;
        ResultsTable.Write(consoles.Out, Console.Out, results, settings.Out);
        return missing.Count > 0 || notCompleted.Count > 0 ? ExitCodes.RuntimeFailure : gates;
    }

    /// <exception cref="UsageException">A folder that is missing, given twice, or is --out itself.</exception>
    private static List<MergeInput> Read(IReadOnlyList<string> folders, string output)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new List<MergeInput>();
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
            if (!Directory.Exists(full)) throw new UsageException($"merge: {folder}: no such folder");
            if (!seen.TryAdd(full, folder)) throw new UsageException($"merge: {folder} is given twice (also as {seen[full]})");
            if (full == Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar))
                throw new UsageException($"merge: --out {output} is one of the folders to merge; write the merged results to a new folder");
            parts.Add(new MergeInput(folder, ResultsFolder.Load(folder, requirePredictions: true)));
        }
        return parts;
    }

    /// <summary>--out must be missing or empty; with --force, LossLab's own files there are cleared first (as <c>run --force</c>).</summary>
    private static void PrepareOutput(string output, bool force)
    {
        var folder = new ResultsFolder(output);
        if (folder.IsEmpty) return;
        if (!force) throw new UsageException($"--out {output}: the folder is not empty; choose a new folder, or add --force to clear LossLab's own files there ({string.Join(", ", ResultsFolder.OwnFiles)}, models/) first");
        folder.ClearOwnFiles();
    }
}
