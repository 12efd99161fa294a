using System.CommandLine;

namespace LossLab.Cli.Commands.Plugins;

/// <summary>What <c>losslab plugins</c> takes, the option it is read from, and the binding.</summary>
public sealed record PluginsSettings : VerbSettings
{
    /// <summary>Print a JSON array instead of tables.</summary>
    public bool Json { get; init; }

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print a JSON array instead of a table" };

    internal static void Declare(Command command) => command.Options.Add(JsonOption);

    internal static PluginsSettings Bind(ParseResult parse) => BindShared(new PluginsSettings { Json = parse.GetValue(JsonOption) }, parse);
}
