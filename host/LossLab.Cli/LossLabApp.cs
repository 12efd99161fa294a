using System.CommandLine;
using LossLab.Abstractions;
using LossLab.Cli.Commands;
using LossLab.Cli.Commands.Help;
using LossLab.Cli.Commands.Loss;
using LossLab.Cli.Commands.Merge;
using LossLab.Cli.Commands.Plugins;
using LossLab.Cli.Commands.Predict;
using LossLab.Cli.Commands.Report;
using LossLab.Cli.Commands.Review;
using LossLab.Cli.Commands.Run;
using LossLab.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LossLab.Cli.Terminal;

namespace LossLab.Cli;

/// <summary>
/// The <c>losslab</c> command: a Generic Host for configuration (appsettings.json, LOSSLAB_ environment variables,
/// the command line), DI and logging, and System.CommandLine for the verbs. Results go to stdout (the run's results
/// table, <c>plugins --json</c>); logs and progress to stderr, as plain lines (<see cref="PlainLoggerProvider"/>).
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
        // --quiet: the results and errors only; --verbose: debug lines, and every epoch of a run.
        var level = parse.GetValue(SharedOptions.Verbose) ? LogLevel.Debug : parse.GetValue(SharedOptions.Quiet) ? LogLevel.Error : LogLevel.Information;
        var usesEngine = UsesEngine(parse);
        IConfigurationRoot configuration;
        try
        {
            configuration = LossLabConfiguration.Build(LossLabConfiguration.DefaultFile, args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"losslab: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        using var host = BuildHost(args, level, usesEngine, configuration);
        foreach (var command in Commands(host.Services, usesEngine)) root.Add(command);
        VerbHelpAction.Install(root);

        // 'losslab' alone prints the help and exits 0: asking what the tool does is not an error.
        parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if ((parse.Errors.Count > 0 || NearestName.UnknownOptions(parse).Count > 0) && parse.Action is not VerbHelpAction)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"losslab: {error.Message}");
            foreach (var option in NearestName.UnknownOptions(parse).Except(parse.UnmatchedTokens)) Console.Error.WriteLine($"losslab: Unrecognized option '{option}'.");
            foreach (var suggestion in NearestName.Suggestions(parse)) Console.Error.WriteLine($"losslab: {suggestion}");
            var verb = VerbHelpAction.PathOf(parse.CommandResult.Command);
            Console.Error.WriteLine($"Run 'losslab {(verb == "" ? "" : verb + " ")}--help' for usage.");
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
        UsageException or PluginInputException or InvalidInputException => e.Message,
        // Only a loaded engine can have thrown one of its own exceptions; naming them here would load it.
        _ when e.GetType().Assembly.GetName().Name == EngineAssembly => EngineServices.BadInputMessage(e),
        _ => null,
    };

    private const string EngineAssembly = "LossLab.Engine";

    /// <summary>
    /// Whether the verb needs the training engine: all but <c>review</c>, <c>report</c> and <c>merge</c>, which read saved files
    /// and must not load it (EngineFreeVerbTests). <paramref name="rootOnly"/> was parsed before the verbs were
    /// added, so the verb is its first unmatched token; anything unexpected there loads the engine, as before.
    /// </summary>
    /// <remarks><c>review --model MODEL --data DATA</c> scores the data first, with the engine.</remarks>
    private static bool UsesEngine(ParseResult rootOnly) => rootOnly.UnmatchedTokens.FirstOrDefault() switch
    {
        "report" or "merge" => false,
        "review" => rootOnly.UnmatchedTokens.Any(t => t == "--data" || t.StartsWith("--data=", StringComparison.Ordinal)),
        _ => true,
    };

    /// <summary>The verbs; the training ones only when the engine is in use: their Create methods name engine types.</summary>
    private static IEnumerable<Command> Commands(IServiceProvider services, bool usesEngine)
    {
        if (usesEngine) yield return PluginsCommand.Create(services);
        if (usesEngine) yield return RunCommand.Create(services);
        if (usesEngine) yield return PredictCommand.Create(services);
        yield return ReportCommand.Create(services);
        yield return MergeCommand.Create(services);
        yield return ReviewCommand.Create(services);
        if (usesEngine) yield return LossEvalCommand.Create(services);
    }

    private static IHost BuildHost(string[] args, LogLevel level, bool usesEngine, IConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        // One plain line per message on stderr (Terminal/PlainLoggerProvider): no category, no event id.
        var logOutput = LogOutput.StandardError();
        builder.Services.AddSingleton(logOutput);
        builder.Logging.AddProvider(new PlainLoggerProvider(logOutput, level));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(level);
        // --verbose wins over the configured level of LossLab's own categories (a later rule of the same category wins).
        if (level == LogLevel.Debug) builder.Logging.AddFilter("LossLab", LogLevel.Debug);

        var consoles = new TerminalConsoles();
        builder.Services.AddSingleton(consoles);
        builder.Services.AddSingleton(consoles.Out);
        builder.Services.AddSingleton<PluginCatalogFactory>();
        builder.Services.AddSingleton<RunProgressFactory>();
        builder.Services.AddTransient<PluginsCommand>();
        builder.Services.AddTransient<RunCommand>();
        builder.Services.AddTransient<PredictCommand>();
        builder.Services.AddTransient<ReportCommand>();
        builder.Services.AddTransient<MergeCommand>();
        builder.Services.AddTransient<ReviewCommand>();
        builder.Services.AddTransient<LossEvalCommand>();
        if (usesEngine) EngineServices.Add(builder.Services);
        return builder.Build();
    }
}
