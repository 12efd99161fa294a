using LossLab.Engine.Plugins;
using LossLab.Evaluation;

namespace LossLab.Engine.Predicting;

/// <summary>What MODEL names: a LossLab model folder, an ONNX file, or a model spec JSON.</summary>
public static class PredictionModelReader
{
    /// <param name="output">What an ONNX model's output holds: "logit" or "probability".</param>
    public static PredictionModel Read(string path, PluginCatalog catalog, string output)
    {
        if (Directory.Exists(path)) return ModelFolder.Read(path, catalog);
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: no such model file or folder.");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".onnx" => OnnxModel.Read(path, output),
            ".json" => ModelSpec.Read(path, catalog),
            _ => throw new InvalidInputException($"{path}: not a model LossLab reads: give a LossLab model folder, an .onnx file or a model spec .json."),
        };
    }
}
