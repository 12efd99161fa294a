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
public sealed class ReviewCommand(ILogger<ReviewCommand> logger, IServiceProvider services)
{
    /// <summary>The predictions that <c>review --model --data</c> writes into --out before reviewing them.</summary>
    public const string ScoredFile = "predictions.csv";

    public static Command Create(IServiceProvider services)
    {
        var command = new Command("review", "Review a model's scores before deployment (a predictions CSV, or --model with --data)");
        ReviewSettings.Declare(command);
        command.SetAction((parse, cancellation) => Task.FromResult(services.Get<ReviewCommand>().Execute(ReviewSettings.Bind(parse), cancellation)));
        return command;
    }

    public int Execute(ReviewSettings settings, CancellationToken cancellation = default)
    {
        var model = settings.Model;
        if (model is not null && !File.Exists(model) && !Directory.Exists(model)) throw new UsageException($"--model {model}: no such file or folder");
        string? producedBy = null;
        var predictions = settings.Predictions;
        if (settings.Data is { } data)
        {
            if (!File.Exists(data) && !Directory.Exists(data)) throw new UsageException($"--data {data}: no such file or folder");
            Directory.CreateDirectory(settings.Out);
            predictions = Path.Combine(settings.Out, ScoredFile);
            var scoring = (IModelScoring?)services.GetService(typeof(IModelScoring))
                ?? throw new InvalidOperationException("review --data needs the engine, which was not loaded");
            producedBy = scoring.Score(settings, predictions, cancellation);
            settings = settings with { LabelColumn = "label", ScoreColumn = "score", SplitColumn = null, Predictions = predictions };
        }
        var options = new ReviewOptions
        {
            BootstrapResamples = settings.Bootstrap, BootstrapSeed = settings.Seed, DeploymentPrevalence = settings.Prevalence,
            Gates = settings.Gates is null ? [] : GateParser.ReadFile(settings.Gates),
        };
        if (settings.Thresholds.Count > 0) options = options with { Objectives = settings.Thresholds };
        var table = PredictionTableReader.Read(predictions!, settings.LabelColumn, settings.ScoreColumn, settings.SplitColumn, settings.Where,
            findSplitColumn: true, settings.Data is null ? settings.ScoreKind : ScoreKind.Probability);
        if (table.SplitColumnFound) logger.LogInformation("Using the column 'split' of {File} as the split column (validation/test): no --split-column was given", predictions);
        var review = ReviewAnalyzer.Analyze(table, options) with
        {
            Identity = new ReviewIdentity
            {
                DataPath = Path.GetFullPath(predictions!), DataSha256 = FileHash.Of(predictions!),
                ModelPath = model is null ? null : Path.GetFullPath(model), ModelSha256 = model is null ? null : FileHash.OfPath(model),
                Filters = [.. table.Filters], RowsSha256 = table.RowsSha256, SplitColumn = table.SplitColumn,
                SplitColumnChoice = table.SplitColumn is null ? "none" : table.SplitColumnFound ? "found by name (no --split-column given)" : "--split-column",
                ScoreKind = table.ScoreKind == ScoreKind.Logit ? "logit" : "probability",
                ScoredDataPath = settings.Data is null ? null : Path.GetFullPath(settings.Data),
                ScoredDataSha256 = settings.Data is null ? null : FileHash.OfPath(settings.Data),
                ScoresProducedBy = producedBy,
            },
        };

        Directory.CreateDirectory(settings.Out);
        var json = Path.Combine(settings.Out, "review.json");
        AtomicFile.WriteText(json, ResultsJson.Serialize(review));
        var pdf = Path.Combine(settings.Out, "review.pdf");
        ReportFiles.WarnUnshown(logger, ReviewReport.Render(review, table, pdf), pdf);
        if (review.Optimistic) logger.LogWarning("No split column: thresholds were tuned and judged on the same rows, so their metrics are optimistic");
        // The result, with where it is: stdout, as run's results table (--quiet keeps it).
        Console.Out.WriteLine($"Review of {review.N} rows ({review.Positives} positive): {Path.GetFullPath(json)} and {Path.GetFullPath(pdf)}");
        return GateReport.Log(logger, review.Gates);
    }
}
