using System.CommandLine;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Review;

/// <summary>
/// <c>losslab review PREDICTIONS.csv --out DIR</c>: a pre-deployment review of any model's scores: metrics,
/// thresholds tuned on validation and judged on test (or, without a split column, on the same rows, flagged as
/// optimistic), calibration and bootstrap intervals, as review.json and review.pdf.
/// </summary>
public sealed class ReviewCommand(ILogger<ReviewCommand> logger)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("review", "Review a model's scores before deployment");
        ReviewSettings.Declare(command);
        command.SetAction(parse => services.Get<ReviewCommand>().Execute(ReviewSettings.Bind(parse)));
        return command;
    }

    public int Execute(ReviewSettings settings)
    {
        var model = settings.Model;
        if (model is not null && !File.Exists(model) && !Directory.Exists(model)) throw new UsageException($"--model {model}: no such file or folder");
        var options = new ReviewOptions
        {
            BootstrapResamples = settings.Bootstrap, BootstrapSeed = settings.Seed, DeploymentPrevalence = settings.Prevalence,
            Gates = settings.Gates is null ? [] : GateParser.ReadFile(settings.Gates),
        };
        if (settings.Thresholds.Count > 0) options = options with { Objectives = settings.Thresholds };
        var table = PredictionTableReader.Read(settings.Predictions, settings.LabelColumn, settings.ScoreColumn, settings.SplitColumn, settings.Where);
        var review = ReviewAnalyzer.Analyze(table, options) with
        {
            Identity = new ReviewIdentity
            {
                DataPath = Path.GetFullPath(settings.Predictions), DataSha256 = FileHash.Of(settings.Predictions),
                ModelPath = model is null ? null : Path.GetFullPath(model), ModelSha256 = model is null ? null : FileHash.OfPath(model),
            },
        };

        Directory.CreateDirectory(settings.Out);
        var json = Path.Combine(settings.Out, "review.json");
        AtomicFile.WriteText(json, ResultsJson.Serialize(review));
        var pdf = Path.Combine(settings.Out, "review.pdf");
        ReportFiles.WarnUnshown(logger, ReviewReport.Render(review, table, pdf), pdf);
        if (review.Optimistic) logger.LogWarning("No split column: thresholds were tuned and judged on the same rows, so their metrics are optimistic");
        logger.LogInformation("Review of {N} rows ({Positives} positive): {Json} and {Pdf}", review.N, review.Positives,
            Path.GetFullPath(json), Path.GetFullPath(pdf));
        return GateReport.Log(logger, review.Gates);
    }
}
