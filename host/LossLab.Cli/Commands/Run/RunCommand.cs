using System.CommandLine;
using LossLab.Engine.Experiments;
using LossLab.Engine.Native;
using LossLab.Engine.Running;
using LossLab.Evaluation;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;
using LossLab.Cli.Terminal;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// <c>losslab run [EXPERIMENT.json]</c>: validates the experiment, trains every loss × seed with matched seeds,
/// writes results.json, predictions.csv, models/, report.pdf, summary.md and metrics.csv. Exit 1 when any run
/// failed, diverged or was cancelled; else 3 when a loss fails one of the experiment's gates.
/// </summary>
/// <remarks>Logs and progress go to stderr; the results table (<see cref="ResultsTable"/>) to stdout.</remarks>
public sealed class RunCommand(PluginCatalogFactory catalogs, ExperimentRunner runner, RunProgressFactory progressFactory, TerminalConsoles consoles,
    LogOutput logOutput, ILogger<RunCommand> logger)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("run", "Train every loss of an experiment over matched seeds and report");
        RunSettings.Declare(command);
        command.SetAction((parse, cancellation) => Task.FromResult(services.Get<RunCommand>().Execute(RunSettings.Bind(parse), cancellation)));
        return command;
    }

    public int Execute(RunSettings settings, CancellationToken cancellation)
    {
        // libtorch loads on another core while the plugins are discovered and the experiment resolved.
        var torchLoaded = TorchPreload.Start(settings.Device);
        var catalog = catalogs.Create(settings.Plugins);
        PreviousResults? previous = null;
        ResolvedExperiment resolved;
        string output;
        var shard = settings.Shard;
        if (settings.Resume is { } resume)
        {
            if (settings.Set.Count > 0)
                throw new UsageException($"--resume continues the experiment saved in {resume} exactly; --set {settings.Set[0]} would change it mid-way (start a new run with --out instead)");
            if (settings.Force) throw new UsageException("--resume and --force cannot be combined: --force clears the results --resume continues");
            previous = ResultsFolder.Load(resume);
            shard = ShardChoice.ForResume(settings.Shard, previous.Results.Shard, resume);
            if (settings.Experiment is not null) logger.LogWarning("--resume uses the experiment saved in {Folder}; {File} is ignored", resume, settings.Experiment);
            resolved = ResumeChecks.Resolve(previous.Results, resume, catalog);
            output = resume;
        }
        else
        {
            resolved = ExperimentResolver.Resolve(settings.Experiment, settings.Set, catalog);
            output = settings.Out ?? Path.Combine("runs", $"{resolved.Experiment.Name}-{DateTime.Now:yyyyMMdd-HHmmss}{(shard is null ? "" : $"-shard{shard.Index}of{shard.Count}")}");
            previous = OutputFolderCheck.Prepare(output, ExperimentHash.Of(resolved.Experiment), settings.Force, shard);
            if (previous is not null)
            {
                logger.LogWarning("{Output} holds an unfinished run of this experiment: continuing it (as --resume)", output);
                resolved = ResumeChecks.Resolve(previous.Results, output, catalog);
            }
        }

        var runs = resolved.Experiment.Seeds.Count * resolved.Losses.Count;
        logger.LogInformation("Experiment {Name}: {Losses} × {Seeds} seeds = {Runs} runs → {Output}",
            resolved.Experiment.Name, resolved.Losses.Count, resolved.Experiment.Seeds.Count, runs, Path.GetFullPath(output));
        if (shard is not null) logger.LogInformation("Shard {Shard}: {Count} of the {Runs} runs{Which}", shard, ShardPlan.SizeOf(shard, runs), runs,
            ShardPlan.SizeOf(shard, runs) == 0 ? " (more shards than runs: an empty shard)" : $", numbers {ShardPlan.FirstRun(shard, runs) + 1}–{ShardPlan.FirstRun(shard, runs) + ShardPlan.SizeOf(shard, runs)} in plan order");

        using var progress = progressFactory.Create(settings.Quiet, settings.Verbose);
        torchLoaded.Wait();
        var results = runner.Run(resolved, new RunOptions(output, settings.Parallel, settings.Device, settings.CommandLine, previous, shard), progress, cancellation, out var predictions);
        progress.Dispose();

        if (shard is null) WriteReports(results, predictions, output, settings.NoReport);
        else logger.LogInformation("Shard {Shard}: no report, summary.md or metrics.csv; the cross-run analysis waits for `losslab merge` of every shard's folder", shard);
        var notCompleted = results.Runs.Where(r => r.Status != RunStatus.Completed).ToList();
        // Cancelled runs are counted in one line below (Interruption), not one warning each.
        foreach (var run in notCompleted.Where(r => r.Status != RunStatus.Cancelled)) logger.LogWarning("{Loss} seed {Seed}: {Status}: {Error}", run.Loss, run.Seed, run.Status, run.Error);
        ReportFiles.LogWarnings(logger, results);
        int gates = ExitCodes.Success;
        foreach (var loss in results.Gates)
            if (GateReport.Log(logger, loss.Results, loss.Loss) != ExitCodes.Success) gates = ExitCodes.GateFailed;
        if (shard is null) ResultsTable.Write(consoles.Out, Console.Out, results, output);
        else ResultsTable.WriteShard(Console.Out, results, output);
        if (Interruption.Line(results, output, settings) is { } interrupted) logOutput.Write(LogLevel.Information, interrupted);
        return notCompleted.Count > 0 ? ExitCodes.RuntimeFailure : gates;
    }

    /// <param name="predictions">The rows the runner wrote to predictions.csv ("R" scores read back as the same doubles, so not read back).</param>
    private void WriteReports(ExperimentResults results, IReadOnlyList<Prediction> predictions, string output, bool noReport)
    {
        var pdf = Path.Combine(output, "report.pdf");
        ReportFiles.Write(results, noReport ? [] : predictions, pdf, logger, pdf: !noReport);
        if (!noReport) logger.LogInformation("Report: {Pdf}", Path.GetFullPath(pdf));
    }
}
