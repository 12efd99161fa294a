using System.CommandLine;

namespace LossLab.Cli.Commands;

/// <summary>Options every verb takes, applied before the verb runs.</summary>
public static class SharedOptions
{
    public static readonly Option<string[]> Plugins = new("--plugins")
    {
        HelpName = "DIR",
        Description = "Extra plugin folder (repeatable); also PluginFolders in appsettings.json or LOSSLAB_PluginFolders__0",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only warnings and errors", Recursive = true };

    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Debug logging", Recursive = true };
}
