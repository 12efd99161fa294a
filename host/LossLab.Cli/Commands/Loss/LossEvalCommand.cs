using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Training;

namespace LossLab.Cli.Commands.Loss;

/// <summary>
/// <c>losslab loss eval LOSS --input GRID.csv --out VALUES.csv</c>: any discovered loss plugin's per-row loss and
/// d(loss)/d(logit) (autograd, float64), for checking a loss against a reference by hand.
/// </summary>
public sealed class LossEvalCommand(PluginCatalogFactory catalogs)
{
    private static readonly Argument<string> LossName = new("loss") { Description = "Loss plugin name (see losslab plugins)" };
    private static readonly Option<string> Input = new("--input", "-i") { Description = "CSV with columns logit,target", Required = true };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "CSV to write: logit,target,loss,grad", Required = true };
    private static readonly Option<string[]> Set = new("--set") { Description = "Loss option: --set gamma=2 (repeatable)" };
    private static readonly Option<string?> ClassCounts = new("--class-counts") { Description = "NEG,POS training class counts the loss sees (default: the input's targets)" };

    public static Command Create(IServiceProvider services)
    {
        var eval = new Command("eval", "Evaluate a loss plugin and its gradient on a grid of logits and targets") { LossName, Input, Out, Set, ClassCounts };
        eval.SetAction(parse => services.Get<LossEvalCommand>().Execute(parse.GetValue(LossName)!, parse.GetValue(Input)!, parse.GetValue(Out)!,
            parse.GetValue(Set) ?? [], parse.GetValue(ClassCounts), parse.GetValue(SharedOptions.Plugins)));
        return new Command("loss", "Work with loss plugins directly") { eval };
    }

    public int Execute(string lossName, string input, string output, string[] set, string? classCounts, string[]? plugins)
    {
        var descriptor = catalogs.Create(plugins).Get(PluginKind.Loss, lossName);
        var options = new JsonObject();
        foreach (var assignment in set)
        {
            var (name, value) = OptionValues.ParseAssignment(assignment)
                ?? throw new UsageException($"--set {assignment}: expected name=value, e.g. gamma=2");
            options[name] = value;
        }
        var problems = new List<string>();
        var loss = descriptor.Configure<LossPlugin>(options, problems);
        if (loss is null) throw new ExperimentException("--set", problems);

        var (logits, targets) = LossGridCsv.Read(input);
        var counts = classCounts is null
            ? new ClassCounts(targets.LongCount(t => t == 0), targets.LongCount(t => t == 1))
            : ParseCounts(classCounts);
        var values = LossProbe.Evaluate(loss, logits, targets, counts);
        LossGridCsv.Write(output, logits, targets, values.Loss, values.Grad);
        return ExitCodes.Success;
    }

    private static ClassCounts ParseCounts(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var neg)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pos) && neg + pos > 0)
            return new ClassCounts(neg, pos);
        throw new UsageException($"--class-counts {text}: expected NEG,POS as two non-negative integers, e.g. 990,10");
    }
}
