using System.Text.Json;
using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Evaluation.Experiments;

namespace LossLab.Engine.Experiments;

/// <summary>
/// Turns experiment JSON into a typed <see cref="Experiment"/>, each missing key taking the default a new
/// <see cref="Experiment"/> holds, and collects every problem (unknown keys, wrong types, out-of-range values,
/// unreadable threshold objectives and gates) rather than stopping at the first. Plugin names and options are
/// checked later, against the discovered plugins (<see cref="ExperimentResolver"/>).
/// </summary>
public static class ExperimentParser
{
    public static Experiment Parse(JsonObject json, List<string> problems)
    {
        var defaults = new Experiment();
        var root = new JsonSection(json, "", problems);
        root.AllowOnly(ExperimentKeys.Root);

        var dataset = root.Section("dataset");
        dataset.AllowOnly(ExperimentKeys.Dataset);
        var imbalance = root.Section("imbalance");
        imbalance.AllowOnly(ExperimentKeys.Imbalance);
        var model = root.Section("model");
        model.AllowOnly(ExperimentKeys.Model);
        var report = root.Section("report");
        report.AllowOnly(ExperimentKeys.Report);

        var name = root.String("name", defaults.Name);
        var gates = root.Array("gates") is { } gateArray ? GateParser.Collect(gateArray, problems) : [];
        double? prevalence = root.Has("prevalence") ? root.Number("prevalence", 0.5, 0, 1, minExclusive: true, maxExclusive: true) : null;
        if (GateRequirements.MissingPrevalence(gates, root.Has("prevalence") ? prevalence : null) is { } missing) root.Problem("gates", missing);
        var defaultImbalance = new ImbalanceSettings();
        return new Experiment
        {
            Name = name,
            Dataset = new DatasetChoice(dataset.String("plugin", defaults.Dataset.Plugin), dataset.Object("options"),
                dataset.Integer("seed", defaults.Dataset.Seed, int.MinValue)),
            Imbalance = imbalance.Node is null ? null
                : new ImbalanceSettings(imbalance.Integer("minority_class", defaultImbalance.MinorityClass, 0, 1), imbalance.Number("ratio", defaultImbalance.Ratio, 1, 1e9)),
            Split = ParseSplit(root.Section("split"), defaults.Split),
            Model = new PluginChoice(model.String("plugin", defaults.Model.Plugin), model.Object("options")),
            Losses = ParseLosses(root, problems, defaults.Losses),
            Seeds = ParseSeeds(root, defaults.Seeds),
            Training = ParseTraining(root.Section("training"), defaults.Training),
            Thresholds = WithGateOperatingPoints(ParseThresholds(root, defaults.Thresholds), gates),
            Gates = gates,
            Prevalence = prevalence,
            Calibrate = root.Enum("calibrate", defaults.Calibrate),
            Bootstrap = ParseBootstrap(root.Section("bootstrap"), defaults.Bootstrap),
            Report = new ReportHeading(report.String("title", name)),
        };
    }

    private static SplitSettings ParseSplit(JsonSection split, SplitSettings d)
    {
        split.AllowOnly(ExperimentKeys.Split);
        var validation = split.Number("validation", d.Validation, 0, 1, minExclusive: true, maxExclusive: true);
        var test = split.Number("test", d.Test, 0, 1, minExclusive: true, maxExclusive: true);
        if (validation + test >= 1) split.Problem("test", $"validation ({validation}) + test ({test}) must leave rows for training (sum < 1)");
        return new SplitSettings(validation, test);
    }

    private static TrainingSettings ParseTraining(JsonSection training, TrainingSettings d)
    {
        training.AllowOnly(ExperimentKeys.Training);
        return new TrainingSettings(
            training.Integer("epochs", d.Epochs, 1, 1_000_000),
            training.Integer("batch_size", d.BatchSize, 0),
            training.Enum("optimizer", d.Optimizer),
            training.Number("learning_rate", d.LearningRate, 0, 1e3, minExclusive: true),
            training.Number("weight_decay", d.WeightDecay, 0, 1e3),
            training.Number("momentum", d.Momentum, 0, 1, maxExclusive: true),
            training.Integer("threads", d.Threads, 0, 1024),
            training.Enum("select_epoch", d.SelectEpoch),
            ParseEarlyStopping(training, d.EarlyStopping),
            training.Boolean("augment", d.Augment));
    }

    /// <summary><c>null</c> or <c>false</c> turns early stopping off; an object's missing keys take <see cref="EarlyStoppingSettings"/>' defaults.</summary>
    private static EarlyStoppingSettings? ParseEarlyStopping(JsonSection training, EarlyStoppingSettings? fallback)
    {
        if (training.Node is null || !training.Node.TryGetPropertyValue("early_stopping", out var node)) return fallback;
        if (node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.False)) return null;
        if (node is not JsonObject)
        {
            training.Problem("early_stopping", $"expected an object like {{\"monitor\": \"validation_bce\", \"patience\": 20}}, or false, got {node.ToJsonString()}");
            return fallback;
        }
        var section = training.Section("early_stopping");
        section.AllowOnly(ExperimentKeys.EarlyStopping);
        var d = new EarlyStoppingSettings();
        return new EarlyStoppingSettings(section.Enum("monitor", d.Monitor), section.Integer("patience", d.Patience, 1, 1_000_000),
            section.Number("min_delta", d.MinDelta, 0, 1e3));
    }

    private static BootstrapSettings ParseBootstrap(JsonSection bootstrap, BootstrapSettings d)
    {
        bootstrap.AllowOnly(ExperimentKeys.Bootstrap);
        return new BootstrapSettings(bootstrap.Integer("resamples", d.Resamples, 0, 1_000_000), bootstrap.Integer("seed", d.Seed, int.MinValue),
            bootstrap.Number("confidence", d.Confidence, 0, 1, minExclusive: true, maxExclusive: true));
    }

    private static IReadOnlyList<LossChoice> ParseLosses(JsonSection root, List<string> problems, IReadOnlyList<LossChoice> defaults)
    {
        var array = root.Array("losses");
        if (array is null) return defaults;
        var losses = new List<LossChoice>();
        for (var i = 0; i < array.Count; i++)
        {
            var node = array[i];
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                losses.Add(new LossChoice(v.GetValue<string>(), v.GetValue<string>(), []));
                continue;
            }
            var entry = new JsonSection(node as JsonObject, $"losses.{i}", problems);
            if (node is not JsonObject)
            {
                problems.Add($"losses.{i}: expected an object like {{\"plugin\": \"focal\"}} or a plugin name, got {node?.ToJsonString() ?? "null"}");
                continue;
            }
            entry.AllowOnly(ExperimentKeys.Loss);
            if (!entry.Has("plugin")) entry.Problem("plugin", "missing");
            var plugin = entry.String("plugin", "");
            losses.Add(new LossChoice(entry.String("name", plugin), plugin, entry.Object("options")));
        }
        if (losses.Count == 0) root.Problem("losses", "at least one loss is needed");
        foreach (var duplicate in losses.GroupBy(l => l.Name).Where(g => g.Count() > 1))
            root.Problem("losses", $"name '{duplicate.Key}' is used {duplicate.Count()} times; give each entry a unique \"name\"");
        return losses;
    }

    private static List<ThresholdObjective> ParseThresholds(JsonSection root, IReadOnlyList<ThresholdObjective> defaults)
    {
        var array = root.Array("thresholds");
        if (array is null) return [.. defaults];
        var objectives = new List<ThresholdObjective>();
        foreach (var node in array)
        {
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                root.Problem("thresholds", $"expected strings, got {node?.ToJsonString() ?? "null"}");
                continue;
            }
            try { objectives.Add(ThresholdObjective.Parse(v.GetValue<string>())); }
            catch (FormatException e) { root.Problem("thresholds", e.Message); }
        }
        return objectives;
    }

    /// <summary>Every gate's operating point is tuned like a listed threshold, so each run records it; each objective once.</summary>
    private static List<ThresholdObjective> WithGateOperatingPoints(List<ThresholdObjective> thresholds, List<Gate> gates)
    {
        var objectives = thresholds.DistinctBy(t => t.Name).ToList();
        foreach (var at in gates.Select(g => g.At).OfType<string>())
            if (objectives.All(o => o.Name != at)) objectives.Add(ThresholdObjective.Parse(at));
        return objectives;
    }

    private static IReadOnlyList<int> ParseSeeds(JsonSection root, IReadOnlyList<int> defaults)
    {
        var array = root.Array("seeds");
        if (array is null) return defaults;
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
}
