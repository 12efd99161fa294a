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

    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only the results (stdout) and errors: no progress, no information or warning lines", Recursive = true };

    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Debug lines too, and for run every epoch (training loss, validation metrics)", Recursive = true };
}
