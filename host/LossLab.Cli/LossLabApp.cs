using System.CommandLine;
using LossLab.Abstractions;
using LossLab.Cli.Commands;
using LossLab.Cli.Commands.Loss;
using LossLab.Cli.Commands.Plugins;
using LossLab.Cli.Commands.Report;
using LossLab.Cli.Commands.Review;
using LossLab.Cli.Commands.Run;
using LossLab.Engine.Running;
using LossLab.Engine.Data;
using LossLab.Engine.Experiments;
using LossLab.Engine.Native;
using LossLab.Evaluation;
using LossLab.Engine.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace LossLab.Cli;

/// <summary>
/// The <c>losslab</c> command: a Generic Host for configuration (appsettings.json, LOSSLAB_ environment variables,
/// the command line), DI and logging, and System.CommandLine for the verbs. Logs go to stderr so stdout stays
/// machine-readable (<c>plugins --json</c>).
/// </summary>
public static class LossLabApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("LossLab: compare losses for imbalanced binary classifiers, and review models before they ship")
        {
            SharedOptions.Plugins, SharedOptions.Quiet, SharedOptions.Verbose,
        };
        var parse = root.Parse(args);
        var level = parse.GetValue(SharedOptions.Verbose) ? LogLevel.Debug : parse.GetValue(SharedOptions.Quiet) ? LogLevel.Warning : LogLevel.Information;
        using var host = BuildHost(args, level);
        foreach (var command in Commands(host.Services)) root.Add(command);

        parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"losslab: {error.Message}");
            Console.Error.WriteLine("Run 'losslab --help' for usage.");
            return ExitCodes.BadInput;
        }
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        try
        {
            return await parse.InvokeAsync(invocation);
        }
        catch (Exception e) when (BadInputMessage(e) is { } message)
        {
            Console.Error.WriteLine($"losslab: error: {message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("losslab: cancelled");
            return ExitCodes.RuntimeFailure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"losslab: failed: {e.GetType().Name}: {e.Message}");
            if (level == LogLevel.Debug) Console.Error.WriteLine(e);
            return ExitCodes.RuntimeFailure;
        }
    }

    /// <summary>Exceptions that mean the user's input is wrong, whichever layer noticed it.</summary>
    private static string? BadInputMessage(Exception e) => e switch
    {
        UsageException or PluginInputException or UnknownPluginException or ExperimentException or DataException or InvalidInputException => e.Message,
        _ => null,
    };

    private static IEnumerable<Command> Commands(IServiceProvider services) =>
    [
        PluginsCommand.Create(services),
        RunCommand.Create(services),
        ReportCommand.Create(services),
        ReviewCommand.Create(services),
        LossEvalCommand.Create(services),
    ];

    private static IHost BuildHost(string[] args, LogLevel level)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("LOSSLAB_")
            .AddCommandLine(args.Where(a => a.Contains('=') && a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = null; o.ColorBehavior = LoggerColorBehavior.Disabled; });
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddFilter((_, _, l) => l >= level);

        builder.Services.AddSingleton(AnsiConsole.Console);
        builder.Services.AddSingleton<PluginDiscovery>();
        builder.Services.AddSingleton<PluginCatalogFactory>();
        builder.Services.AddSingleton<ExperimentRunner>();
        builder.Services.AddSingleton<RunProgressFactory>();
        builder.Services.AddTransient<PluginsCommand>();
        builder.Services.AddTransient<RunCommand>();
        builder.Services.AddTransient<ReportCommand>();
        builder.Services.AddTransient<ReviewCommand>();
        builder.Services.AddTransient<LossEvalCommand>();
        TorchRuntime.Prepare();
        return builder.Build();
    }
}
