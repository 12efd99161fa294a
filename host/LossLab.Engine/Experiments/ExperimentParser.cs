using System.Text.Json;
using System.Text.Json.Nodes;
using LossLab.Evaluation;

namespace LossLab.Engine.Experiments;

/// <summary>
/// Turns experiment JSON into an <see cref="Experiment"/>, filling every missing key with its default and
/// collecting every problem (unknown keys, wrong types, out-of-range values) rather than stopping at the first.
/// Plugin names and options are checked later, against the discovered plugins.
/// </summary>
public static class ExperimentParser
{
    public static readonly string[] Optimizers = ["adam", "adamw", "sgd"];

    public static Experiment Parse(JsonObject json, List<string> problems)
    {
        var root = new JsonSection(json, "", problems);
        root.AllowOnly("name", "description", "dataset", "imbalance", "split", "model", "losses", "seeds", "training",
            "thresholds", "calibrate", "bootstrap", "report", "gates", "prevalence");

        var dataset = root.Section("dataset");
        dataset.AllowOnly("plugin", "options", "seed");
        var imbalance = root.Section("imbalance");
        imbalance.AllowOnly("minority_class", "ratio");
        var split = root.Section("split");
        split.AllowOnly("validation", "test");
        var model = root.Section("model");
        model.AllowOnly("plugin", "options");
        var training = root.Section("training");
        training.AllowOnly("epochs", "batch_size", "optimizer", "learning_rate", "weight_decay", "momentum", "threads");
        var bootstrap = root.Section("bootstrap");
        bootstrap.AllowOnly("resamples", "seed", "confidence");
        var report = root.Section("report");
        report.AllowOnly("title");

        var validation = split.Number("validation", 0.15, 0, 1, minExclusive: true, maxExclusive: true);
        var test = split.Number("test", 0.3, 0, 1, minExclusive: true, maxExclusive: true);
        if (validation + test >= 1) split.Problem("test", $"validation ({validation}) + test ({test}) must leave rows for training (sum < 1)");

        var name = root.String("name", "experiment");
        var gates = root.Array("gates") is { } gateArray ? GateParser.Collect(gateArray, problems) : [];
        double? prevalence = root.Has("prevalence") ? root.Number("prevalence", 0.5, 0, 1, minExclusive: true, maxExclusive: true) : null;
        if (GateRequirements.MissingPrevalence(gates, root.Has("prevalence") ? prevalence : null) is { } missing) root.Problem("gates", missing);
        return new Experiment
        {
            Name = name,
            Dataset = new PluginRef(dataset.String("plugin", "synthetic"), dataset.Object("options")),
            DataSeed = dataset.Integer("seed", 42, int.MinValue),
            Imbalance = imbalance.Node is null ? null : new ImbalanceSettings(imbalance.Integer("minority_class", 1, 0, 1), imbalance.Number("ratio", 1, 1, 1e9)),
            Split = new SplitSettings(validation, test),
            Model = new PluginRef(model.String("plugin", "mlp"), model.Object("options")),
            Losses = ParseLosses(root, problems),
            Seeds = ParseSeeds(root),
            Training = new TrainingSettings(
                training.Integer("epochs", 30, 1, 1_000_000),
                training.Integer("batch_size", 0, 0),
                training.String("optimizer", "adam", Optimizers),
                training.Number("learning_rate", 0.01, 0, 1e3, minExclusive: true),
                training.Number("weight_decay", 0, 0, 1e3),
                training.Number("momentum", 0.9, 0, 1, maxExclusive: true),
                training.Integer("threads", 0, 0, 1024)),
            Thresholds = WithGateOperatingPoints(ParseStrings(root, "thresholds", ["max_f1", "youden", "recall>=0.9"]), gates),
            Gates = gates,
            Prevalence = prevalence,
            Calibrate = root.String("calibrate", "none", "none", "temperature"),
            Bootstrap = new BootstrapSettings(bootstrap.Integer("resamples", 1000, 0, 1_000_000), bootstrap.Integer("seed", 0, int.MinValue),
                bootstrap.Number("confidence", 0.95, 0, 1, minExclusive: true, maxExclusive: true)),
            Title = report.String("title", name),
        };
    }

    private static List<LossEntry> ParseLosses(JsonSection root, List<string> problems)
    {
        var array = root.Array("losses");
        if (array is null) return [new LossEntry("bce", "bce", []), new LossEntry("weighted-bce", "weighted-bce", []), new LossEntry("focal", "focal", [])];
        var losses = new List<LossEntry>();
        for (var i = 0; i < array.Count; i++)
        {
            var node = array[i];
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                losses.Add(new LossEntry(v.GetValue<string>(), v.GetValue<string>(), []));
                continue;
            }
            var entry = new JsonSection(node as JsonObject, $"losses.{i}", problems);
            if (node is not JsonObject)
            {
                problems.Add($"losses.{i}: expected an object like {{\"plugin\": \"focal\"}} or a plugin name, got {node?.ToJsonString() ?? "null"}");
                continue;
            }
            entry.AllowOnly("name", "plugin", "options");
            if (!entry.Has("plugin")) entry.Problem("plugin", "missing");
            var plugin = entry.String("plugin", "");
            losses.Add(new LossEntry(entry.String("name", plugin), plugin, entry.Object("options")));
        }
        if (losses.Count == 0) root.Problem("losses", "at least one loss is needed");
        foreach (var duplicate in losses.GroupBy(l => l.Name).Where(g => g.Count() > 1))
            root.Problem("losses", $"name '{duplicate.Key}' is used {duplicate.Count()} times; give each entry a unique \"name\"");
        return losses;
    }

    /// <summary>Every gate's operating point is tuned like a listed threshold, so each run records it.</summary>
    private static List<string> WithGateOperatingPoints(List<string> thresholds, List<Gate> gates)
    {
        var names = new HashSet<string>();
        foreach (var t in thresholds)
        {
            try { names.Add(ThresholdObjective.Parse(t).Name); }
            catch (FormatException) { } // reported by ExperimentResolver
        }
        foreach (var at in gates.Select(g => g.At).OfType<string>())
            if (names.Add(at)) thresholds.Add(at);
        return thresholds;
    }

    private static List<int> ParseSeeds(JsonSection root)
    {
        var array = root.Array("seeds");
        if (array is null) return [1, 2, 3];
        var seeds = new List<int>();
        foreach (var node in array)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var seed)) seeds.Add(seed);
            else root.Problem("seeds", $"expected integers, got {node?.ToJsonString() ?? "null"}");
        }
        if (seeds.Count == 0) root.Problem("seeds", "at least one seed is needed");
        if (seeds.Distinct().Count() != seeds.Count) root.Problem("seeds", "seeds must be distinct");
        return seeds;
    }

    private static List<string> ParseStrings(JsonSection root, string key, List<string> fallback)
    {
        var array = root.Array(key);
        if (array is null) return fallback;
        var values = new List<string>();
        foreach (var node in array)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) values.Add(v.GetValue<string>());
            else root.Problem(key, $"expected strings, got {node?.ToJsonString() ?? "null"}");
        }
        return values;
    }
}
