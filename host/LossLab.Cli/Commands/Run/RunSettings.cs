using System.CommandLine;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>What <c>losslab run</c> takes, the argument and options it is read from, and the binding.</summary>
public sealed record RunSettings : VerbSettings
{
    /// <summary>Experiment JSON file; null for the embedded toy-99to1 experiment.</summary>
    public string? Experiment { get; init; }

    /// <summary>Results folder; null for runs/&lt;name&gt;-&lt;timestamp&gt;.</summary>
    public string? Out { get; init; }

    /// <summary>Experiment overrides, key=value, applied in order.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>Runs trained at once, at least 1; 0 for auto (chosen from the machine and the model: ExecutionPlan).</summary>
    public required int Parallel { get; init; }

    /// <summary>Results folder of an interrupted run to complete; null for a new run.</summary>
    public string? Resume { get; init; }

    /// <summary>auto, cpu or cuda.</summary>
    public required string Device { get; init; }

    /// <summary>Skip report.pdf (results.json, summary.md and metrics.csv are still written).</summary>
    public bool NoReport { get; init; }

    /// <summary>Write into a results folder that holds other files, clearing LossLab's own files there first.</summary>
    public bool Force { get; init; }

    /// <summary>--shard i/n (or auto, resolved from the job array's variables): train only that shard's runs; null for all.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>The command line as typed, recorded in results.json.</summary>
    public required string CommandLine { get; init; }

    private static readonly Argument<string?> ExperimentArgument = new("EXPERIMENT.json") { Description = "Experiment JSON file (default: the embedded toy-99to1 experiment)", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string?> OutOption = new("--out", "-o") { HelpName = "DIR", Description = "Results folder (default runs/<name>-<timestamp>)" };
    private static readonly Option<string[]> SetOption = new("--set") { HelpName = "KEY=VALUE", Description = "Override a key: --set training.epochs=5, --set losses=bce,focal (repeatable)" };
    private static readonly Option<string> ParallelOption = new("--parallel") { HelpName = "auto|N", Description = "Runs trained at once; auto chooses runs and torch threads from the cores and the model's size (recorded in results.json)", DefaultValueFactory = _ => "auto" };
    private static readonly Option<string?> ResumeOption = new("--resume") { HelpName = "DIR", Description = "Results folder of an interrupted run: re-run only what did not complete" };
    private static readonly Option<string> DeviceOption = new("--device") { HelpName = "auto|cpu|cuda", Description = "auto, cpu or cuda", DefaultValueFactory = _ => "auto" };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Let --out name a folder that holds other results: LossLab's own files there are deleted first" };
    private static readonly Option<string?> ShardOption = new("--shard") { HelpName = "i/n|auto", Description = "Train only shard i of n (a balanced block of the runs, no report); auto reads SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX with --shards. Join shards with `losslab merge`" };
    private static readonly Option<int?> ShardsOption = new("--shards") { HelpName = "N", Description = "Number of shards for --shard auto in a Kubernetes Indexed Job (its completions)" };
    private static readonly Option<bool> NoReportOption = new("--no-report") { Description = "Skip report.pdf (results.json, summary.md and metrics.csv are still written)" };

    static RunSettings() => DeviceOption.AcceptOnlyFromAmong(TorchDevice.Choices);

    internal static void Declare(Command command)
    {
        command.Arguments.Add(ExperimentArgument);
        foreach (var option in (Option[])[OutOption, SetOption, ParallelOption, ResumeOption, DeviceOption, NoReportOption, ForceOption, ShardOption, ShardsOption])
            command.Options.Add(option);
    }

    internal static RunSettings Bind(ParseResult parse)
    {
        var parallel = ParallelCount(parse.GetValue(ParallelOption)!);
        return BindShared(new RunSettings
        {
            Experiment = parse.GetValue(ExperimentArgument), Out = parse.GetValue(OutOption), Set = parse.GetValue(SetOption) ?? [],
            Parallel = parallel, Resume = parse.GetValue(ResumeOption), Device = parse.GetValue(DeviceOption)!,
            NoReport = parse.GetValue(NoReportOption), Force = parse.GetValue(ForceOption),
            Shard = ShardChoice.Resolve(parse.GetValue(ShardOption), parse.GetValue(ShardsOption), Environment.GetEnvironmentVariable),
            CommandLine = string.Join(' ', ["losslab", .. Environment.GetCommandLineArgs().Skip(1)]),
        }, parse);
    }

    /// <summary>0 for auto, else the count asked for.</summary>
    private static int ParallelCount(string value) =>
        value == "auto" ? 0
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new UsageException($"--parallel {value}: must be auto or a whole number of at least 1");
}
