using System.Text.Json;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;

namespace LossLab.Engine.Predicting;

/// <summary>
/// A model spec JSON, <c>{ "plugin": "mlp", "options": { ..., "weights": "model.dat" } }</c>: any model plugin with
/// its options and a weights file (relative to the JSON), built for the data's input shape; no standardisation.
/// </summary>
public sealed class ModelSpec : PredictionModel
{
    private readonly PluginCatalog _catalog;
    private readonly string _plugin;
    private readonly JsonObject _options;
    private readonly string _weights;

    private ModelSpec(PluginCatalog catalog, string plugin, JsonObject options, string weights) =>
        (_catalog, _plugin, _options, _weights) = (catalog, plugin, options, weights);

    public static ModelSpec Read(string path, PluginCatalog catalog)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidInputException($"{path}: not valid JSON ({e.Message})."); }
        if (root is not JsonObject spec) throw new InvalidInputException($"{path}: expected a JSON object {{ \"plugin\": ..., \"options\": {{ ..., \"weights\": ... }} }}.");
        if (spec["plugin"] is not JsonValue pluginValue || !pluginValue.TryGetValue<string>(out var plugin) || plugin.Length == 0)
            throw new InvalidInputException($"{path}: key 'plugin' is missing or not a string (a model plugin name, e.g. \"mlp\").");
        var options = spec["options"] is JsonObject given ? (JsonObject)given.DeepClone() : [];
        if (options["weights"] is not JsonValue weightsValue || !weightsValue.TryGetValue<string>(out var weights) || weights.Length == 0)
            throw new InvalidInputException($"{path}: key 'options.weights' is missing: the weights file, relative to the spec.");
        options.Remove("weights");
        var full = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, weights);
        return new ModelSpec(catalog, plugin, options, full) { Path = path };
    }

    public override string Describe() =>
        $"model spec {System.IO.Path.GetFullPath(Path)}: model plugin '{_plugin}' with weights {_weights}; scores = σ(logit); no standardisation";

    public override IScorer Open(int[] inputShape, IReadOnlyList<string> featureNames) =>
        PluginModelBuilder.Build(_catalog, _plugin, _options, new DatasetInfo(inputShape, featureNames, [], Path), _weights, Path);
}
