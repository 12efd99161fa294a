using System.CommandLine;
using LossLab.Evaluation;

namespace LossLab.Cli.Commands.Review;

/// <summary>What <c>losslab review</c> takes, the argument and options it is read from, and the binding.</summary>
public sealed record ReviewSettings : VerbSettings
{
    /// <summary>CSV with a label column (0/1) and a score column in [0, 1]; null when <see cref="Data"/> is scored by <see cref="Model"/> instead.</summary>
    public string? Predictions { get; init; }

    /// <summary>With <see cref="Model"/>: data to score first (a CSV, an image folder or a dataset spec), then review.</summary>
    public string? Data { get; init; }

    /// <summary>What the score column holds.</summary>
    public ScoreKind ScoreKind { get; init; } = ScoreKind.Probability;

    /// <summary>With --data and an ONNX model: what its output holds, "logit" or "probability".</summary>
    public string Output { get; init; } = "logit";

    /// <summary>With --data: CSV feature columns for a model that does not name its own.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Folder for review.json and review.pdf.</summary>
    public required string Out { get; init; }

    public required string LabelColumn { get; init; }

    public required string ScoreColumn { get; init; }

    /// <summary>Column with validation/test values; null to tune and judge on the same rows.</summary>
    public string? SplitColumn { get; init; }

    /// <summary>Threshold objectives; empty for <see cref="ReviewOptions"/>' default ones.</summary>
    public IReadOnlyList<ThresholdObjective> Thresholds { get; init; } = [];

    /// <summary>Bootstrap resamples, 0 to skip.</summary>
    public required int Bootstrap { get; init; }

    public required int Seed { get; init; }

    /// <summary>JSON file of acceptance gates; null for none.</summary>
    public string? Gates { get; init; }

    /// <summary>Share of positives expected in deployment, in (0, 1); null for none.</summary>
    public double? Prevalence { get; init; }

    /// <summary>Model file or folder the scores came from, hashed for the sign-off page; null for none.</summary>
    public string? Model { get; init; }

    /// <summary>Keep only rows whose column has this value (all must hold).</summary>
    public IReadOnlyList<(string Column, string Value)> Where { get; init; } = [];

    private static readonly ReviewOptions Defaults = new();

    private static readonly Argument<string?> PredictionsArgument = new("PREDICTIONS.csv") { Description = "CSV with a label column (0/1 or true/false) and a score column (probability, or logit with --score-kind logit); omit with --model and --data", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string?> DataOption = new("--data") { HelpName = "DATA", Description = "Score this data (CSV, image folder or dataset spec JSON) with --model first, then review the scores" };
    private static readonly Option<string> ScoreKindOption = new("--score-kind") { HelpName = "probability|logit", DefaultValueFactory = _ => "probability", Description = "What the score column holds: probability or logit" };
    private static readonly Option<string> OutputOption = new("--output") { HelpName = "logit|probability", DefaultValueFactory = _ => "logit", Description = "With --data and an ONNX model: what its single output holds, logit or probability" };
    private static readonly Option<string?> FeaturesOption = new("--features") { HelpName = "a,b,c", Description = "With --data: CSV feature columns for a model that does not name its own, a,b,c" };
    private static readonly Option<string> OutOption = new("--out", "-o") { HelpName = "DIR", Description = "Folder for review.json and review.pdf", Required = true };
    private static readonly Option<string> LabelOption = new("--label-column") { HelpName = "COLUMN", DefaultValueFactory = _ => "label", Description = "Label column (0/1)" };
    private static readonly Option<string> ScoreOption = new("--score-column") { HelpName = "COLUMN", DefaultValueFactory = _ => "score", Description = "Score column (probability of class 1)" };
    private static readonly Option<string?> SplitOption = new("--split-column") { HelpName = "COLUMN", Description = "Column with validation/test values: tune on validation, judge on test" };
    private static readonly Option<string[]> ThresholdOption = new("--threshold") { HelpName = "OBJECTIVE", Description = "Threshold objective (repeatable): max_f1, max_fbeta:2, youden, recall>=0.9, precision>=0.5, cost:1,10" };
    private static readonly Option<int> BootstrapOption = new("--bootstrap") { HelpName = "N", DefaultValueFactory = _ => Defaults.BootstrapResamples, Description = "Bootstrap resamples (0 to skip)" };
    private static readonly Option<int> SeedOption = new("--seed") { HelpName = "SEED", DefaultValueFactory = _ => Defaults.BootstrapSeed, Description = "Bootstrap seed" };
    private static readonly Option<string?> GatesOption = new("--gates") { HelpName = "GATES.json", Description = "JSON file of acceptance gates; exit code 3 when one fails" };
    private static readonly Option<double?> PrevalenceOption = new("--prevalence") { HelpName = "PI", Description = "Share of positives expected in deployment, in (0, 1): precision, F1, AP and expected cost are also given at it" };
    private static readonly Option<string?> ModelOption = new("--model") { HelpName = "FILE|DIR", Description = "Model file or folder the scores came from, identified by SHA-256 on the sign-off page; with --data, the model that scores it" };
    private static readonly Option<string[]> WhereOption = new("--where") { HelpName = "COLUMN=VALUE", Description = "Keep only rows with COLUMN=VALUE (repeatable), e.g. --where loss=focal --where seed=1 for one run of a LossLab predictions.csv" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(PredictionsArgument);
        foreach (var option in (Option[])[OutOption, LabelOption, ScoreOption, SplitOption, ThresholdOption, BootstrapOption, SeedOption, GatesOption, PrevalenceOption, ModelOption, WhereOption, DataOption, ScoreKindOption, OutputOption, FeaturesOption])
            command.Options.Add(option);
    }

    /// <summary>
    /// The settings, read into typed values at the boundary: objectives parsed once, and the bootstrap and
    /// prevalence checked by the closing analysis' own rules (<see cref="ClosingSettings"/>), with the option as
    /// typed in front of the message, before the CSV is read.
    /// </summary>
    internal static ReviewSettings Bind(ParseResult parse)
    {
        var where = (parse.GetValue(WhereOption) ?? []).Select(Filter).ToList();
        var bootstrap = parse.GetValue(BootstrapOption);
        if (ClosingSettings.ResamplesProblem(bootstrap) is { } resamples) throw new UsageException($"--bootstrap {bootstrap}: {resamples}");
        var prevalence = parse.GetValue(PrevalenceOption);
        if (ClosingSettings.PrevalenceProblem(prevalence) is { } pi) throw new UsageException($"--prevalence {prevalence}: {pi} E.g. 0.002 for 1 positive in 500.");
        var thresholds = new List<ThresholdObjective>();
        foreach (var objective in parse.GetValue(ThresholdOption) ?? [])
        {
            try { thresholds.Add(ThresholdObjective.Parse(objective)); }
            catch (FormatException e) { throw new UsageException($"--threshold {objective}: {e.Message}"); }
        }
        var predictions = parse.GetValue(PredictionsArgument);
        var data = parse.GetValue(DataOption);
        var model = parse.GetValue(ModelOption);
        if (data is not null && model is null) throw new UsageException($"--data {data}: needs --model, the model that scores it");
        if (data is not null && predictions is not null) throw new UsageException($"{predictions}: give either a predictions CSV or --model with --data, not both");
        if (data is null && predictions is null) throw new UsageException("review needs a predictions CSV, or --model MODEL --data DATA");
        var scoreKind = parse.GetValue(ScoreKindOption) switch
        {
            "probability" => ScoreKind.Probability,
            "logit" => ScoreKind.Logit,
            var other => throw new UsageException($"--score-kind {other}: expected probability or logit"),
        };
        var output = parse.GetValue(OutputOption)!;
        if (output is not ("logit" or "probability")) throw new UsageException($"--output {output}: expected logit or probability");
        return BindShared(new ReviewSettings
        {
            Predictions = predictions, Data = data, ScoreKind = scoreKind, Output = output,
            Features = parse.GetValue(FeaturesOption)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Out = parse.GetValue(OutOption)!,
            LabelColumn = parse.GetValue(LabelOption)!, ScoreColumn = parse.GetValue(ScoreOption)!, SplitColumn = parse.GetValue(SplitOption),
            Thresholds = thresholds, Bootstrap = bootstrap, Seed = parse.GetValue(SeedOption), Gates = parse.GetValue(GatesOption),
            Prevalence = prevalence, Model = parse.GetValue(ModelOption), Where = where,
        }, parse);
    }

    private static (string Column, string Value) Filter(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new UsageException($"--where {text}: expected COLUMN=VALUE, e.g. --where loss=focal");
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
