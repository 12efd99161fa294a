using Spectre.Console;

namespace LossLab.Cli.Terminal;

/// <summary>
/// The two Spectre consoles: results on stdout, progress on stderr. Each writes ANSI only when its stream is a
/// terminal (and NO_COLOR is unset), so <c>losslab run | tee run.log</c> holds plain text.
/// </summary>
public sealed class TerminalConsoles
{
    public TerminalConsoles()
    {
        Out = Create(Console.Out, !Console.IsOutputRedirected);
        Error = Create(Console.Error, ErrorIsTerminal);
    }

    /// <summary>stdout: the results table, plugin listings.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>stderr: the live run view.</summary>
    public IAnsiConsole Error { get; }

    public static bool ErrorIsTerminal => !Console.IsErrorRedirected;

    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>CI=true (or any value but false/0) means a log, never a live view, whatever the streams are.</summary>
    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0";

    /// <summary>Whether the live view can be drawn: stderr is a terminal and this is not a CI job.</summary>
    public bool Interactive => ErrorIsTerminal && !UnderCi && Error.Profile.Capabilities.Interactive;

    private static IAnsiConsole Create(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
