using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation.Experiments;

namespace LossLab.Engine.Experiments;

/// <summary>
/// Loads, overrides, parses and validates an experiment against the discovered plugins; throws one
/// <see cref="ExperimentException"/> listing every problem, before any training. The resolved experiment holds
/// every plugin option explicitly, as the plugin instance has it.
/// </summary>
public static class ExperimentResolver
{
    public static ResolvedExperiment Resolve(string? path, IEnumerable<string> overrides, PluginCatalog catalog)
    {
        var json = ExperimentFile.Load(path);
        ExperimentOverrides.Apply(json, overrides);
        return Resolve(json, path ?? ExperimentFile.DefaultSource, catalog);
    }

    public static ResolvedExperiment Resolve(JsonObject json, string source, PluginCatalog catalog)
    {
        var problems = new List<string>();
        var experiment = ExperimentParser.Parse(json, problems);

        var dataset = Configure<DatasetPlugin>(catalog, PluginKind.Dataset, experiment.Dataset.Plugin, experiment.Dataset.Options, "dataset", problems);
        var model = Configure<ModelPlugin>(catalog, PluginKind.Model, experiment.Model.Plugin, experiment.Model.Options, "model", problems);
        // A missing weights file is found before any data loads; whether it fits the model is checked when it is loaded.
        if (model?.Instance.Pretrained is { } weights && Path.GetFullPath(weights.Path, ResolvedExperiment.BaseDirectoryOf(source)) is var file && !File.Exists(file))
            problems.Add($"model: {model.Descriptor.Label}: weights file not found: {file}");
        var losses = new List<ConfiguredLoss>();
        foreach (var (entry, i) in experiment.Losses.Select((l, i) => (l, i)))
        {
            var loss = Configure<LossPlugin>(catalog, PluginKind.Loss, entry.Plugin, entry.Options, $"losses.{i} ({entry.Name})", problems);
            if (loss is not null) losses.Add(new ConfiguredLoss(entry.Name, loss));
        }
        if (problems.Count > 0) throw new ExperimentException(source, problems);

        var resolved = experiment with
        {
            Dataset = experiment.Dataset with { Plugin = dataset!.Descriptor.Name, Options = dataset.Options },
            Model = new PluginChoice(model!.Descriptor.Name, model.Options),
            Losses = [.. losses.Select(l => new LossChoice(l.Name, l.Plugin.Descriptor.Name, l.Plugin.Options))],
        };
        return new ResolvedExperiment(resolved, dataset, model, losses, source);
    }

    private static ConfiguredPlugin<T>? Configure<T>(PluginCatalog catalog, PluginKind kind, string name, JsonObject options, string context, List<string> problems)
        where T : class, IPlugin
    {
        var descriptor = catalog.Find(kind, name);
        if (descriptor is null)
        {
            problems.Add($"{context}: {catalog.UnknownMessage(kind, name)}");
            return null;
        }
        var instance = descriptor.Configure<T>(options, problems, $"{context}: {descriptor.Label}");
        return instance is null ? null : new ConfiguredPlugin<T>(descriptor, instance, descriptor.OptionsOf(instance));
    }
}
