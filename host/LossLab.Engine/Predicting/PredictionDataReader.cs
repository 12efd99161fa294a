using System.Text.Json;
using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;

namespace LossLab.Engine.Predicting;

/// <summary>Opens DATA for <c>losslab predict</c>: a CSV (streamed), an image folder or a dataset spec JSON (through their dataset plugins).</summary>
public static class PredictionDataReader
{
    public static IRowSource Open(PredictionData data, PredictionModel model, PluginCatalog catalog, Action<string> warn, CancellationToken cancellation)
    {
        if (Directory.Exists(data.Path)) return ImageFolder(data.Path, model, catalog, warn, cancellation);
        if (Path.GetExtension(data.Path).Equals(".json", StringComparison.OrdinalIgnoreCase)) return InModelOrder(Spec(data.Path, catalog, warn, cancellation), model, data.Path);
        return new CsvRowSource(data.Path, data.LabelColumn, data.LabelRequired, data.IdColumn, data.SplitColumn, model.FeatureNames, data.Features);
    }

    /// <summary>A dataset plugin's features are in its own order: the model's named features must be exactly those.</summary>
    private static IRowSource InModelOrder(IRowSource rows, PredictionModel model, string source)
    {
        if (model.FeatureNames is { } wanted && !wanted.SequenceEqual(rows.FeatureNames))
        {
            rows.Dispose();
            throw new InvalidInputException($"{source}: the dataset gives features [{string.Join(", ", rows.FeatureNames)}], the model takes [{string.Join(", ", wanted)}] in that order; "
                + "choose them with the dataset plugin's options, or give the CSV itself, from which the model picks its features by name.");
        }
        return rows;
    }

    /// <summary>The folder read by the image-folder plugin with the model's image size, channels and positive class.</summary>
    private static IRowSource ImageFolder(string folder, PredictionModel model, PluginCatalog catalog, Action<string> warn, CancellationToken cancellation)
    {
        if (model.Image is not { } image || model.ClassNames.Count != 2)
            throw new InvalidInputException($"{folder}: an image folder needs a model that records its image preprocessing and class names (a LossLab model folder); otherwise give a dataset spec JSON {{ \"plugin\": \"image-folder\", \"options\": {{ ... }} }}.");
        var options = new JsonObject
        {
            ["path"] = Path.GetFullPath(folder), ["positive_class"] = model.ClassNames[1], ["size"] = image.Size, ["channels"] = image.Channels,
            ["resize"] = image.Resize, ["normalize"] = image.Normalize,
        };
        return Load(catalog, "image-folder", options, folder, Environment.CurrentDirectory, warn, cancellation, image);
    }

    private static IRowSource Spec(string path, PluginCatalog catalog, Action<string> warn, CancellationToken cancellation)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found.");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidInputException($"{path}: not valid JSON ({e.Message})."); }
        if (root is not JsonObject spec || spec["plugin"] is not JsonValue name || !name.TryGetValue<string>(out var plugin))
            throw new InvalidInputException($"{path}: key 'plugin' is missing: a dataset spec is {{ \"plugin\": \"csv\", \"options\": {{ ... }} }}.");
        var options = spec["options"] is JsonObject given ? (JsonObject)given.DeepClone() : [];
        return Load(catalog, plugin, options, path, Path.GetDirectoryName(Path.GetFullPath(path))!, warn, cancellation);
    }

    private static IRowSource Load(PluginCatalog catalog, string plugin, JsonObject options, string source, string baseDirectory, Action<string> warn,
        CancellationToken cancellation, LossLab.Evaluation.Models.ImagePreprocessing? image = null)
    {
        var descriptor = catalog.Find(PluginKind.Dataset, plugin)
            ?? throw new InvalidInputException($"{source}: {catalog.UnknownMessage(PluginKind.Dataset, plugin)}");
        var problems = new List<string>();
        var instance = descriptor.Configure<DatasetPlugin>(options, problems, $"{source}: {descriptor.Label}");
        if (instance is null) throw new InvalidInputException(string.Join("; ", problems));
        var dataset = instance.Load(new DatasetContext(0, warn, cancellation) { BaseDirectory = baseDirectory });
        return new DatasetRowSource(dataset, $"{source} ({descriptor.Label}, {dataset.Count} rows)", image);
    }
}
