using LossLab.Cli.Commands.Review;
using LossLab.Engine.Predicting;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands.Predict;

/// <summary><see cref="IModelScoring"/> with <see cref="PredictionService"/>: the review's data must be labelled.</summary>
internal sealed class ModelScoring(PluginCatalogFactory catalogs, ILogger<ModelScoring> logger) : IModelScoring
{
    public string Score(ReviewSettings settings, string outCsv, CancellationToken cancellation)
    {
        var data = new PredictionData(settings.Data!, settings.LabelColumn, LabelRequired: true, SplitColumn: settings.SplitColumn, Features: settings.Features);
        var outcome = PredictionService.Predict(settings.Model!, data, outCsv, 4096, settings.Output, catalogs.Create(settings.Plugins),
            message => logger.LogWarning("{Message}", message), cancellation);
        logger.LogInformation("Scored {Rows} rows of {Data} → {Out}", outcome.Summary.Rows, outcome.DataDescription, Path.GetFullPath(outCsv));
        return $"losslab predict: {outcome.ModelDescription}; data {outcome.DataDescription}";
    }
}
