using System.CommandLine;
using LossLab.Evaluation;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Report;

/// <summary><c>losslab report RESULTS.json [--out FILE.pdf]</c>: re-render the report from saved results, no training.</summary>
public sealed class ReportCommand(ILogger<ReportCommand> logger)
{
    private static readonly Argument<string> Results = new("results") { Description = "results.json of a run (predictions.csv must sit beside it)" };
    private static readonly Option<string?> Out = new("--out", "-o") { Description = "PDF to write (default: report.pdf beside results.json)" };

    public static Command Create(IServiceProvider services)
    {
        var command = new Command("report", "Render report.pdf, summary.md and metrics.csv from saved results") { Results, Out };
        command.SetAction(parse => services.Get<ReportCommand>().Execute(parse.GetValue(Results)!, parse.GetValue(Out)));
        return command;
    }

    public int Execute(string resultsPath, string? output)
    {
        if (!File.Exists(resultsPath) && !Directory.Exists(resultsPath)) throw new UsageException($"{resultsPath}: file not found");
        var (folder, file) = Directory.Exists(resultsPath)
            ? (resultsPath, ResultsFolder.ResultsFile)
            : (Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, Path.GetFileName(resultsPath));
        var saved = ResultsFolder.Load(folder, requirePredictions: true, file);
        var pdf = output ?? Path.Combine(folder, "report.pdf");
        ReportFiles.Write(saved.Results, saved.Predictions, pdf, logger);
        logger.LogInformation("Report: {Pdf}", Path.GetFullPath(pdf));
        return ExitCodes.Success;
    }
}
