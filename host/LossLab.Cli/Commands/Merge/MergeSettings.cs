using System.CommandLine;

namespace LossLab.Cli.Commands.Merge;

/// <summary>What <c>losslab merge</c> takes, the arguments and options it is read from, and the binding.</summary>
public sealed record MergeSettings : VerbSettings
{
    /// <summary>The results folders to join: the shards of one experiment (any number, in any order).</summary>
    public required IReadOnlyList<string> Folders { get; init; }

    /// <summary>The complete results folder to write; empty or missing unless <see cref="Force"/>.</summary>
    public required string Out { get; init; }

    /// <summary>Skip report.pdf (results.json, predictions.csv, summary.md and metrics.csv are still written).</summary>
    public bool NoReport { get; init; }

    /// <summary>Write into a folder that holds other files, clearing LossLab's own files there first.</summary>
    public bool Force { get; init; }

    /// <summary>The command line as typed, recorded in results.json.</summary>
    public required string CommandLine { get; init; }

    private static readonly Argument<string[]> FoldersArgument = new("DIR") { Description = "Results folders of `losslab run --shard` (each with results.json and predictions.csv), e.g. runs/x/shard-*", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> OutOption = new("--out", "-o") { HelpName = "DIR", Description = "Folder for the complete results: results.json, predictions.csv, models/, report.pdf, summary.md, metrics.csv", Required = true };
    private static readonly Option<bool> NoReportOption = new("--no-report") { Description = "Skip report.pdf (everything else is still written)" };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Let --out name a folder that holds other files: LossLab's own files there are deleted first" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(FoldersArgument);
        foreach (var option in (Option[])[OutOption, NoReportOption, ForceOption])
            command.Options.Add(option);
    }

    internal static MergeSettings Bind(ParseResult parse) => BindShared(new MergeSettings
    {
        Folders = parse.GetValue(FoldersArgument) ?? [], Out = parse.GetValue(OutOption)!,
        NoReport = parse.GetValue(NoReportOption), Force = parse.GetValue(ForceOption),
        CommandLine = string.Join(' ', ["losslab", .. Environment.GetCommandLineArgs().Skip(1)]),
    }, parse);
}
