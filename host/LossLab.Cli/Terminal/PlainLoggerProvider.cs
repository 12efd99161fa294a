using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Terminal;

/// <summary>
/// The logger of every verb: the formatted message as one plain line on <see cref="LogOutput"/> (no category, no
/// event id), written synchronously so log lines and the results on stdout keep their order. Levels and category
/// filters come from the logging configuration, as for any provider.
/// </summary>
[ProviderAlias("Plain")]
public sealed class PlainLoggerProvider(LogOutput output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PlainLogger(output);

    public void Dispose() { }

    private sealed class PlainLogger(LogOutput output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

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
