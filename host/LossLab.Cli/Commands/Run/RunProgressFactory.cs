using LossLab.Engine.Running;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LossLab.Cli.Commands.Run;

/// <summary>A live Spectre.Console display on an interactive terminal; plain log lines when redirected or under CI.</summary>
public sealed class RunProgressFactory(ILoggerFactory loggers, IAnsiConsole console)
{
    public IRunProgressDisplay Create(bool quiet)
    {
        var logger = loggers.CreateLogger("LossLab.Run");
        var interactive = !quiet && !Console.IsOutputRedirected && !Console.IsErrorRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && console.Profile.Capabilities.Interactive;
        return interactive ? new LiveRunProgress(console, logger) : new LogRunProgress(logger, quiet);
    }
}

public interface IRunProgressDisplay : IRunProgress, IDisposable;
