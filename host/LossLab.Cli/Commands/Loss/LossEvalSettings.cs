using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;

namespace LossLab.Cli.Commands.Loss;

/// <summary>What <c>losslab loss eval</c> takes, the argument and options it is read from, and the binding.</summary>
public sealed record LossEvalSettings : VerbSettings
{
    /// <summary>Loss plugin name.</summary>
    public required string Loss { get; init; }

    /// <summary>CSV with columns logit,target.</summary>
    public required string Input { get; init; }

    /// <summary>CSV to write: logit,target,loss,grad.</summary>
    public required string Out { get; init; }

    /// <summary>The loss's options (--set name=value), in the order given.</summary>
    public IReadOnlyList<(string Name, JsonNode? Value)> Options { get; init; } = [];

    /// <summary>The training class counts the loss sees; null for the input's targets.</summary>
    public ClassCounts? ClassCounts { get; init; }

    private static readonly Argument<string> LossArgument = new("LOSS") { Description = "Loss plugin name (see losslab plugins)" };
    private static readonly Option<string> InputOption = new("--input", "-i") { HelpName = "GRID.csv", Description = "CSV with columns logit,target", Required = true };
    private static readonly Option<string> OutOption = new("--out", "-o") { HelpName = "VALUES.csv", Description = "CSV to write: logit,target,loss,grad", Required = true };
    private static readonly Option<string[]> SetOption = new("--set") { HelpName = "NAME=VALUE", Description = "Loss option: --set gamma=2 (repeatable)" };
    private static readonly Option<string?> ClassCountsOption = new("--class-counts") { HelpName = "NEG,POS", Description = "NEG,POS training class counts the loss sees (default: the input's targets)" };

    internal static void Declare(Command command)
    {
        command.Arguments.Add(LossArgument);
        foreach (var option in (Option[])[InputOption, OutOption, SetOption, ClassCountsOption])
            command.Options.Add(option);
    }

    internal static LossEvalSettings Bind(ParseResult parse) => BindShared(new LossEvalSettings
    {
        Loss = parse.GetValue(LossArgument)!, Input = parse.GetValue(InputOption)!, Out = parse.GetValue(OutOption)!,
        Options = [.. (parse.GetValue(SetOption) ?? []).Select(Assignment)],
        ClassCounts = parse.GetValue(ClassCountsOption) is { } counts ? Counts(counts) : null,
    }, parse);

    private static (string Name, JsonNode? Value) Assignment(string text) =>
        OptionValues.ParseAssignment(text) ?? throw new UsageException($"--set {text}: expected name=value, e.g. gamma=2");

    private static ClassCounts Counts(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var neg)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pos) && neg + pos > 0)
            return new ClassCounts(neg, pos);
        throw new UsageException($"--class-counts {text}: expected NEG,POS as two non-negative integers, e.g. 990,10");
    }
}
