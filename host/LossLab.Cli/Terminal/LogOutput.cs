using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Terminal;

/// <summary>
/// Where log lines go: stderr, one plain line each (<see cref="Format"/>), written at once and in order. While the
/// live run view is on screen it takes the lines instead (<see cref="Capture"/>), since a line written under a live
/// display garbles it.
/// </summary>
public sealed class LogOutput(TextWriter writer, bool color)
{
    private readonly Lock _lock = new();
    private Action<LogLevel, string>? _capture;

    /// <summary>stderr, coloured prefixes only when it is a terminal and NO_COLOR is unset.</summary>
    public static LogOutput StandardError() => new(Console.Error, TerminalConsoles.ErrorIsTerminal && !TerminalConsoles.NoColor);

    public void Write(LogLevel level, string message)
    {
        lock (_lock)
        {
            if (_capture is { } capture) capture(level, message);
            else writer.WriteLine(Format(level, message, color));
        }
    }

    /// <summary>Sends every line to <paramref name="capture"/> until the returned handle is disposed.</summary>
    public IDisposable Capture(Action<LogLevel, string> capture)
    {
        lock (_lock) _capture = capture;
        return new Release(this);
    }

    /// <summary>
    /// The message alone for information and debug; "warning: " and "error: " before the others, as compilers write
    /// them, so a piped log reads without the .NET logger's categories and can still be grepped for problems.
    /// </summary>
    public static string Format(LogLevel level, string message, bool color = false) => level switch
    {
        LogLevel.Warning => (color ? "\u001b[33mwarning:\u001b[0m " : "warning: ") + message,
        LogLevel.Error or LogLevel.Critical => (color ? "\u001b[31merror:\u001b[0m " : "error: ") + message,
        _ => message,
    };

    private sealed class Release(LogOutput output) : IDisposable
    {
        public void Dispose()
        {
            lock (output._lock) output._capture = null;
        }
    }
}
