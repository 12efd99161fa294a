using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Terminal;

/// <summary>
/// The logger of every verb: the formatted message as one plain line on <see cref="LogOutput"/> (no category, no
/// event id), written synchronously so log lines and the results on stdout keep their order. Category filters come
/// from the logging configuration, as for any provider; <paramref name="minimum"/> (--quiet, --verbose) caps them
/// all, since a configured category rule would otherwise win over a global filter (--quiet let info lines through).
/// </summary>
[ProviderAlias("Plain")]
public sealed class PlainLoggerProvider(LogOutput output, LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PlainLogger(output, minimum);

    public void Dispose() { }

    private sealed class PlainLogger(LogOutput output, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            // Exceptions logged with a message add their own message, not a stack trace (errors name the problem).
            if (exception is not null) message = $"{message} ({exception.GetType().Name}: {exception.Message})";
            output.Write(logLevel, message);
        }
    }
}
