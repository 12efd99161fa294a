using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;

namespace LossLab.Engine.Experiments;

/// <summary>
/// Loads, overrides, parses and validates an experiment against the discovered plugins; throws one
/// <see cref="ExperimentException"/> listing every problem, before any training.
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
        var losses = new List<ConfiguredLoss>();
        foreach (var (entry, i) in experiment.Losses.Select((l, i) => (l, i)))
        {
            var loss = Configure<LossPlugin>(catalog, PluginKind.Loss, entry.Plugin, entry.Options, $"losses.{i} ({entry.Name})", problems);
            if (loss is not null) losses.Add(new ConfiguredLoss(entry.Name, loss));
        }
        foreach (var threshold in experiment.Thresholds)
        {
            try { ThresholdObjective.Parse(threshold); }
            catch (FormatException e) { problems.Add($"thresholds: {e.Message}"); }
        }
        if (problems.Count > 0) throw new ExperimentException(source, problems);

        return new ResolvedExperiment(experiment, dataset!, model!, losses, Canonical(experiment, dataset!, model!, losses), source);
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
        if (instance is null) return null;
        var resolved = new JsonObject();
        foreach (var (key, value) in descriptor.OptionValuesOf(instance)) resolved[key] = OptionValues.ToJson(value);
        return new ConfiguredPlugin<T>(descriptor, instance, resolved);
    }

    /// <summary>The experiment as run: every default filled in, every plugin option explicit.</summary>
    private static JsonObject Canonical(Experiment e, ConfiguredPlugin<DatasetPlugin> dataset, ConfiguredPlugin<ModelPlugin> model, List<ConfiguredLoss> losses)
    {
        JsonNode Strings(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return new JsonObject
        {
            ["name"] = e.Name,
            ["dataset"] = new JsonObject { ["plugin"] = dataset.Descriptor.Name, ["options"] = dataset.Options.DeepClone(), ["seed"] = e.DataSeed },
            ["imbalance"] = e.Imbalance is null ? null : new JsonObject { ["minority_class"] = e.Imbalance.MinorityClass, ["ratio"] = e.Imbalance.Ratio },
            ["split"] = new JsonObject { ["validation"] = e.Split.Validation, ["test"] = e.Split.Test },
            ["model"] = new JsonObject { ["plugin"] = model.Descriptor.Name, ["options"] = model.Options.DeepClone() },
            ["losses"] = new JsonArray(losses.Select(l => (JsonNode?)new JsonObject
            {
                ["name"] = l.Name, ["plugin"] = l.Plugin.Descriptor.Name, ["options"] = l.Plugin.Options.DeepClone(),
            }).ToArray()),
            ["seeds"] = new JsonArray(e.Seeds.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["training"] = new JsonObject
            {
                ["epochs"] = e.Training.Epochs, ["batch_size"] = e.Training.BatchSize, ["optimizer"] = e.Training.Optimizer,
                ["learning_rate"] = e.Training.LearningRate, ["weight_decay"] = e.Training.WeightDecay,
                ["momentum"] = e.Training.Momentum, ["threads"] = e.Training.Threads,
            },
            ["thresholds"] = Strings(e.Thresholds),
            ["calibrate"] = e.Calibrate,
            ["bootstrap"] = new JsonObject { ["resamples"] = e.Bootstrap.Resamples, ["seed"] = e.Bootstrap.Seed, ["confidence"] = e.Bootstrap.Confidence },
            ["report"] = new JsonObject { ["title"] = e.Title },
            ["gates"] = new JsonArray(e.Gates.Select(g => (JsonNode?)GateParser.ToJson(g)).ToArray()),
            ["prevalence"] = e.Prevalence,
        };
    }
}
