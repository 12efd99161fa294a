using System.CommandLine;
using LossLab.Evaluation;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Report;

/// <summary><c>losslab report RESULTS.json [--out FILE.pdf]</c>: re-render the report from saved results, no training.</summary>
public sealed class ReportCommand(ILogger<ReportCommand> logger)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("report", "Render report.pdf, summary.md and metrics.csv from saved results");
        ReportSettings.Declare(command);
        command.SetAction(parse => services.Get<ReportCommand>().Execute(ReportSettings.Bind(parse)));
        return command;
    }

    public int Execute(ReportSettings settings)
    {
        var resultsPath = settings.Results;
        if (!File.Exists(resultsPath) && !Directory.Exists(resultsPath)) throw new UsageException($"{resultsPath}: file not found");
        var (folder, file) = Directory.Exists(resultsPath)
            ? (resultsPath, ResultsFolder.ResultsFile)
            : (Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, Path.GetFileName(resultsPath));
        var saved = ResultsFolder.Load(folder, requirePredictions: true, file);
        if (saved.Results.Shard is { } shard)
            throw new UsageException($"{resultsPath}: shard {shard} of an experiment, without the cross-run analysis; `losslab merge` the shards' folders, which writes the report");
        var pdf = settings.Out ?? Path.Combine(folder, "report.pdf");
        var companions = ReportFiles.Write(saved.Results, saved.Predictions, pdf, logger, resultsFolder: folder);
        ReportFiles.LogWarnings(logger, saved.Results);
        // Where the files are: stdout, as run's results table (--quiet keeps it).
        Console.Out.WriteLine($"Report: {Path.GetFullPath(pdf)}; summary.md and metrics.csv: {companions}");
        if (companions != Path.GetDirectoryName(Path.GetFullPath(pdf)))
            logger.LogWarning("{PdfFolder} holds another experiment's files, so summary.md and metrics.csv went beside results.json, to {Folder}", Path.GetDirectoryName(Path.GetFullPath(pdf)), companions);
        return ExitCodes.Success;
    }
}
