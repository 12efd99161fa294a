using LossLab.Cli.Terminal;
using LossLab.Engine.Running;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Run;

/// <summary>The live view when stderr is a terminal (and not CI, not --quiet); plain log lines otherwise.</summary>
public sealed class RunProgressFactory(ILoggerFactory loggers, TerminalConsoles consoles, LogOutput output)
{
    public IRunProgressDisplay Create(bool quiet, bool verbose)
    {
        var logger = loggers.CreateLogger("LossLab.Run");
        return !quiet && consoles.Interactive ? new LiveRunProgress(consoles.Error, logger, output, verbose) : new LogRunProgress(logger, verbose);
    }
}

public interface IRunProgressDisplay : IRunProgress, IDisposable;
