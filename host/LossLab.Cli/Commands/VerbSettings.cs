using System.CommandLine;

namespace LossLab.Cli.Commands;

/// <summary>
/// What every verb's settings carry: the values of <see cref="SharedOptions"/>. Each verb's settings record derives
/// from it and is bound from the parse result in its own <c>Bind</c>, which fills these through <see cref="BindShared"/>.
/// </summary>
public abstract record VerbSettings
{
    /// <summary>Extra plugin folders (--plugins, repeatable), searched after the standard and configured ones.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>--quiet: only the results and errors.</summary>
    public bool Quiet { get; init; }

    /// <summary>--verbose: debug lines, and every epoch of a run.</summary>
    public bool Verbose { get; init; }

    /// <summary><paramref name="settings"/> with the shared options' values from <paramref name="parse"/>.</summary>
    protected static TSettings BindShared<TSettings>(TSettings settings, ParseResult parse) where TSettings : VerbSettings =>
        (TSettings)((VerbSettings)settings with { Plugins = parse.GetValue(SharedOptions.Plugins) ?? [], Quiet = parse.GetValue(SharedOptions.Quiet), Verbose = parse.GetValue(SharedOptions.Verbose) });
}
