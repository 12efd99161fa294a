using LossLab.Engine.Plugins;

namespace LossLab.Engine.Predicting;

/// <summary><c>losslab predict</c>: reads MODEL and DATA, scores every row in batches and writes the predictions CSV.</summary>
public static class PredictionService
{
    public sealed record Outcome(Predictor.Summary Summary, string ModelDescription, string DataDescription);

    /// <param name="output">What an ONNX model's output holds: "logit" or "probability".</param>
    public static Outcome Predict(string modelPath, PredictionData data, string outPath, int batchSize, string output, PluginCatalog catalog,
        Action<string> warn, CancellationToken cancellation)
    {
        var model = PredictionModelReader.Read(modelPath, catalog, output);
        using var rows = PredictionDataReader.Open(data, model, catalog, warn, cancellation);
        var summary = Predictor.Run(model, rows, outPath, batchSize, cancellation);
        return new Outcome(summary, model.Describe(), rows.Description);
    }
}
