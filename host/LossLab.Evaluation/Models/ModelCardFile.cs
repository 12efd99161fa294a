using System.Text.Json;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation.Models;

/// <summary>Reads and writes <see cref="ModelCard.FileName"/> in a model folder; every problem names the file and the key.</summary>
public static class ModelCardFile
{
    public static string PathIn(string folder) => Path.Combine(folder, ModelCard.FileName);

    public static void Write(string folder, ModelCard card) => AtomicFile.WriteText(PathIn(folder), ResultsJson.Serialize(card));

    /// <exception cref="InvalidInputException">No model.json, not JSON, a newer schema, a missing key, or a
    /// weights file that is not there.</exception>
    public static ModelCard Read(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path)) throw new InvalidInputException($"{folder}: not a LossLab model folder: {ModelCard.FileName} is missing.");
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidInputException($"{path}: not valid JSON ({e.Message})."); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidInputException($"{path}: expected a JSON object.");
            if (!document.RootElement.TryGetProperty("schema_version", out var schema) || !schema.TryGetInt32(out var version))
                throw new InvalidInputException($"{path}: key 'schema_version' is missing or not an integer.");
            if (version > ModelCard.CurrentSchema)
                throw new InvalidInputException($"{path}: key 'schema_version' is {version}, newer than this LossLab reads ({ModelCard.CurrentSchema}); update LossLab.");
            foreach (var key in (string[])["plugin", "options", "input_shape", "loss", "weights", "weights_sha256"])
                if (!document.RootElement.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
                    throw new InvalidInputException($"{path}: key '{key}' is missing.");
        }
        ModelCard card;
        try { card = ResultsJson.Deserialize<ModelCard>(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidInputException($"{path}: {e.Message}"); }
        if (card.InputShape.Length == 0 || card.InputShape.Any(d => d <= 0))
            throw new InvalidInputException($"{path}: key 'input_shape' must list positive sizes.");
        if (card.InputShape.Length == 1 && card.FeatureNames.Length != card.InputShape[0])
            throw new InvalidInputException($"{path}: key 'feature_names' has {card.FeatureNames.Length} names for input_shape [{card.InputShape[0]}].");
        if (card.Standardization is { } s && (s.Mean.Length != card.InputShape[0] || s.Sd.Length != card.InputShape[0]))
            throw new InvalidInputException($"{path}: key 'standardization' must hold one mean and one sd per feature.");
        if (!File.Exists(Path.Combine(folder, card.Weights)))
            throw new InvalidInputException($"{path}: key 'weights' names {card.Weights}, which is not in the folder.");
        return card;
    }
}
