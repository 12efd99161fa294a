using System.CommandLine;
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
    public static Command Create(IServiceProvider services)
    {
        var eval = new Command("eval", "Evaluate a loss plugin and its gradient on a grid of logits and targets");
        LossEvalSettings.Declare(eval);
        eval.SetAction(parse => services.Get<LossEvalCommand>().Execute(LossEvalSettings.Bind(parse)));
        return new Command("loss", "Work with loss plugins directly") { eval };
    }

    public int Execute(LossEvalSettings settings)
    {
        var descriptor = catalogs.Create(settings.Plugins).Get(PluginKind.Loss, settings.Loss);
        var options = new JsonObject();
        foreach (var (name, value) in settings.Options) options[name] = value?.DeepClone();
        var problems = new List<string>();
        var loss = descriptor.Configure<LossPlugin>(options, problems);
        if (loss is null) throw new ExperimentException("--set", problems);

        var (logits, targets) = LossGridCsv.Read(settings.Input);
        var counts = settings.ClassCounts ?? new ClassCounts(targets.LongCount(t => t == 0), targets.LongCount(t => t == 1));
        var values = LossProbe.Evaluate(loss, logits, targets, counts);
        LossGridCsv.Write(settings.Out, logits, targets, values.Loss, values.Grad);
        return ExitCodes.Success;
    }
}
