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
    private static readonly Argument<string> Predictions = new("predictions") { Description = "CSV with a label column (0/1) and a score column in [0, 1]" };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "Folder for review.json and review.pdf", Required = true };
    private static readonly Option<string> Label = new("--label-column") { DefaultValueFactory = _ => "label", Description = "Label column (0/1)" };
    private static readonly Option<string> Score = new("--score-column") { DefaultValueFactory = _ => "score", Description = "Score column (probability of class 1)" };
    private static readonly Option<string?> Split = new("--split-column") { Description = "Column with validation/test values: tune on validation, judge on test" };
    private static readonly Option<string[]> Threshold = new("--threshold") { Description = "Threshold objective (repeatable): max_f1, max_fbeta:2, youden, recall>=0.9, precision>=0.5, cost:1,10" };
    private static readonly Option<int> Bootstrap = new("--bootstrap") { DefaultValueFactory = _ => 1000, Description = "Bootstrap resamples (0 to skip)" };
    private static readonly Option<int> Seed = new("--seed") { DefaultValueFactory = _ => 0, Description = "Bootstrap seed" };
    private static readonly Option<string?> Gates = new("--gates") { Description = "JSON file of acceptance gates; exit code 3 when one fails" };
    private static readonly Option<double?> Prevalence = new("--prevalence") { Description = "Share of positives expected in deployment, in (0, 1): precision, F1, AP and expected cost are also given at it" };
    private static readonly Option<string[]> Where = new("--where") { Description = "Keep only rows with COLUMN=VALUE (repeatable), e.g. --where loss=focal --where seed=1 for one run of a LossLab predictions.csv" };
    private static readonly Option<string?> Model = new("--model") { Description = "Model file or folder the scores came from, identified by SHA-256 on the sign-off page" };

    public static Command Create(IServiceProvider services)
    {
        var command = new Command("review", "Review a model's scores before deployment") { Predictions, Out, Label, Score, Split, Threshold, Bootstrap, Seed, Gates, Prevalence, Model, Where };
        command.SetAction(parse => services.Get<ReviewCommand>().Execute(parse.GetValue(Predictions)!, parse.GetValue(Out)!, parse.GetValue(Label)!,
            parse.GetValue(Score)!, parse.GetValue(Split), parse.GetValue(Threshold) ?? [], parse.GetValue(Bootstrap), parse.GetValue(Seed),
            parse.GetValue(Gates), parse.GetValue(Prevalence), parse.GetValue(Model), parse.GetValue(Where) ?? []));
        return command;
    }

    public int Execute(string predictions, string output, string label, string score, string? split, string[] thresholds, int bootstrap, int seed,
        string? gatesFile = null, double? prevalence = null, string? model = null, string[]? where = null)
    {
        var filters = (where ?? []).Select(Filter).ToList();
        if (bootstrap < 0) throw new UsageException($"--bootstrap {bootstrap}: must be 0 or more");
        if (prevalence is { } pi && !(pi > 0 && pi < 1)) throw new UsageException($"--prevalence {pi}: must be in (0, 1), e.g. 0.002 for 1 positive in 500");
        if (model is not null && !File.Exists(model) && !Directory.Exists(model)) throw new UsageException($"--model {model}: no such file or folder");
        var objectives = thresholds.Length > 0 ? thresholds : ["max_f1", "youden"];
        foreach (var objective in objectives)
        {
            try { ThresholdObjective.Parse(objective); }
            catch (FormatException e) { throw new UsageException($"--threshold {objective}: {e.Message}"); }
        }
        var gates = gatesFile is null ? [] : GateParser.ReadFile(gatesFile);
        var options = new ReviewOptions
        {
            Objectives = objectives, BootstrapResamples = bootstrap, BootstrapSeed = seed, Gates = gates, DeploymentPrevalence = prevalence,
        };
        var table = PredictionTableReader.Read(predictions, label, score, split, filters);
        var review = ReviewAnalyzer.Analyze(table, options) with
        {
            Identity = new ReviewIdentity
            {
                DataPath = Path.GetFullPath(predictions), DataSha256 = FileHash.Of(predictions),
                ModelPath = model is null ? null : Path.GetFullPath(model), ModelSha256 = model is null ? null : FileHash.OfPath(model),
            },
        };

        Directory.CreateDirectory(output);
        AtomicFile.WriteText(Path.Combine(output, "review.json"), ResultsJson.Serialize(review));
        var pdf = Path.Combine(output, "review.pdf");
        ReportFiles.WarnUnshown(logger, ReviewReport.Render(review, table, pdf), pdf);
        if (review.Optimistic) logger.LogWarning("No split column: thresholds were tuned and judged on the same rows, so their metrics are optimistic");
        logger.LogInformation("Review of {N} rows ({Positives} positive): {Json} and {Pdf}", review.N, review.Positives,
            Path.GetFullPath(Path.Combine(output, "review.json")), Path.GetFullPath(pdf));
        return GateReport.Log(logger, review.Gates);
    }

    private static (string Column, string Value) Filter(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new UsageException($"--where {text}: expected COLUMN=VALUE, e.g. --where loss=focal");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
