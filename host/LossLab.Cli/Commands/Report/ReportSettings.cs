using System.CommandLine;

namespace LossLab.Cli.Commands.Report;

/// <summary>What <c>losslab report</c> takes, the argument and option it is read from, and the binding.</summary>
public sealed record ReportSettings : VerbSettings
{
    /// <summary>results.json of a run, or its folder; predictions.csv must sit beside it.</summary>
    public required string Results { get; init; }

    /// <summary>The PDF to write; null for report.pdf beside results.json.</summary>
    public string? Out { get; init; }

    private static readonly Argument<string> ResultsArgument = new("RESULTS.json") { Description = "results.json of a run (predictions.csv must sit beside it)" };
    private static readonly Option<string?> OutOption = new("--out", "-o") { HelpName = "FILE.pdf", Description = "PDF to write (default: report.pdf beside results.json)" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(ResultsArgument);
        command.Options.Add(OutOption);
    }

    internal static ReportSettings Bind(ParseResult parse) =>
        BindShared(new ReportSettings { Results = parse.GetValue(ResultsArgument)!, Out = parse.GetValue(OutOption) }, parse);
}
