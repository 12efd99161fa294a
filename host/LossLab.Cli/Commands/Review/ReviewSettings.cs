using System.CommandLine;
using LossLab.Evaluation;

namespace LossLab.Cli.Commands.Review;

/// <summary>What <c>losslab review</c> takes, the argument and options it is read from, and the binding.</summary>
public sealed record ReviewSettings : VerbSettings
{
    /// <summary>CSV with a label column (0/1) and a score column in [0, 1].</summary>
    public required string Predictions { get; init; }

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

    private static readonly Argument<string> PredictionsArgument = new("PREDICTIONS.csv") { Description = "CSV with a label column (0/1) and a score column in [0, 1]" };
    private static readonly Option<string> OutOption = new("--out", "-o") { HelpName = "DIR", Description = "Folder for review.json and review.pdf", Required = true };
    private static readonly Option<string> LabelOption = new("--label-column") { HelpName = "COLUMN", DefaultValueFactory = _ => "label", Description = "Label column (0/1)" };
    private static readonly Option<string> ScoreOption = new("--score-column") { HelpName = "COLUMN", DefaultValueFactory = _ => "score", Description = "Score column (probability of class 1)" };
    private static readonly Option<string?> SplitOption = new("--split-column") { HelpName = "COLUMN", Description = "Column with validation/test values: tune on validation, judge on test" };
    private static readonly Option<string[]> ThresholdOption = new("--threshold") { HelpName = "OBJECTIVE", Description = "Threshold objective (repeatable): max_f1, max_fbeta:2, youden, recall>=0.9, precision>=0.5, cost:1,10" };
    private static readonly Option<int> BootstrapOption = new("--bootstrap") { HelpName = "N", DefaultValueFactory = _ => Defaults.BootstrapResamples, Description = "Bootstrap resamples (0 to skip)" };
    private static readonly Option<int> SeedOption = new("--seed") { HelpName = "SEED", DefaultValueFactory = _ => Defaults.BootstrapSeed, Description = "Bootstrap seed" };
    private static readonly Option<string?> GatesOption = new("--gates") { HelpName = "GATES.json", Description = "JSON file of acceptance gates; exit code 3 when one fails" };
    private static readonly Option<double?> PrevalenceOption = new("--prevalence") { HelpName = "PI", Description = "Share of positives expected in deployment, in (0, 1): precision, F1, AP and expected cost are also given at it" };
    private static readonly Option<string?> ModelOption = new("--model") { HelpName = "FILE|DIR", Description = "Model file or folder the scores came from, identified by SHA-256 on the sign-off page" };
    private static readonly Option<string[]> WhereOption = new("--where") { HelpName = "COLUMN=VALUE", Description = "Keep only rows with COLUMN=VALUE (repeatable), e.g. --where loss=focal --where seed=1 for one run of a LossLab predictions.csv" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(PredictionsArgument);
        foreach (var option in (Option[])[OutOption, LabelOption, ScoreOption, SplitOption, ThresholdOption, BootstrapOption, SeedOption, GatesOption, PrevalenceOption, ModelOption, WhereOption])
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
        return BindShared(new ReviewSettings
        {
            Predictions = parse.GetValue(PredictionsArgument)!, Out = parse.GetValue(OutOption)!,
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
