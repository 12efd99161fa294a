using System.CommandLine;
using LossLab.Engine.Predicting;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Predict;

/// <summary>
/// <c>losslab predict MODEL --data DATA --out predictions.csv</c>: scores rows with a LossLab model folder, an ONNX
/// model or a model spec, in batches, and writes id, label, split, logit and score per row.
/// </summary>
public sealed class PredictCommand(PluginCatalogFactory catalogs, ILogger<PredictCommand> logger)
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("predict", "Score data with a saved LossLab model, an ONNX model or a model spec");
        PredictSettings.Declare(command);
        command.SetAction((parse, cancellation) => Task.FromResult(services.Get<PredictCommand>().Execute(PredictSettings.Bind(parse), cancellation)));
        return command;
    }

    public int Execute(PredictSettings settings, CancellationToken cancellation)
    {
        var catalog = catalogs.Create(settings.Plugins);
        var data = new PredictionData(settings.Data, settings.LabelColumn, IdColumn: settings.IdColumn, SplitColumn: settings.SplitColumn, Features: settings.Features);
        var outcome = PredictionService.Predict(settings.Model, data, settings.Out, settings.BatchSize, settings.Output, catalog,
            message => logger.LogWarning("{Message}", message), cancellation);
        // The result, with where it is: stdout, as run's results table (--quiet keeps it).
        Console.Out.WriteLine($"Scored {outcome.Summary.Rows} rows of {outcome.DataDescription} with {outcome.ModelDescription} → {Path.GetFullPath(settings.Out)}");
        return ExitCodes.Success;
    }
}
