using System.CommandLine;
using LossLab.Engine.Running;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports;
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
        if (Directory.Exists(resultsPath)) resultsPath = Path.Combine(resultsPath, ResultsFolder.ResultsFile);
        if (!File.Exists(resultsPath)) throw new UsageException($"{resultsPath}: file not found");
        ExperimentResults results;
        try
        {
            results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(resultsPath));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new UsageException($"{resultsPath}: not a LossLab results file: {e.Message}");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(resultsPath))!;
        var predictionsPath = Path.Combine(folder, ResultsFolder.PredictionsFile);
        if (!File.Exists(predictionsPath)) throw new UsageException($"{predictionsPath}: file not found (the report's curves are drawn from it)");
        var predictions = PredictionsFile.Read(predictionsPath);

        var pdf = output ?? Path.Combine(folder, "report.pdf");
        RunReport.Render(results, predictions, pdf);
        SummaryMarkdown.Write(results, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdf))!, "summary.md"));
        MetricsCsv.Write(results, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdf))!, "metrics.csv"));
        logger.LogInformation("Report: {Pdf}", Path.GetFullPath(pdf));
        return ExitCodes.Success;
    }
}
