using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>One results folder given to <c>losslab merge</c>, as read back (results.json and its predictions.csv).</summary>
public sealed record MergeInput(string Folder, PreviousResults Saved);

/// <summary>
/// The runs of several results folders of one experiment (the shards of <c>run --shard</c>), joined as one
/// single-process run would have recorded them, before the closing analysis: every run and its prediction rows in
/// plan order, each loss's decision boundary, and the rest of results.json from the parts, which agree on it.
/// </summary>
public static class ShardMerge
{
    /// <summary>
    /// What every part must share, in the order they are checked: a field that differs means the runs were not made
    /// by the same program on the same experiment, data and plugins, so their numbers are not comparable.
    /// </summary>
    private static readonly (string Field, Func<ExperimentResults, string> Value)[] Identity =
    [
        ("LossLab version (environment.loss_lab)", r => r.Environment.LossLab),
        ("experiment (experiment_sha256, the resolved experiment's hash)", r => r.ExperimentSha256),
        ("dataset SHA-256 (dataset.sha256)", r => r.Dataset.Sha256),
        // A GPU's kernels and another libtorch build round differently: a run's numbers depend on both.
        ("device (environment.device)", r => r.Environment.Device),
        ("libtorch (environment.lib_torch)", r => r.Environment.LibTorch),
    ];

    /// <exception cref="InvalidInputException">No part; a field of <see cref="Identity"/> that differs between two parts
    /// (naming it, both values and both folders); a run that two parts hold (naming it and both folders).</exception>
    public static void Check(IReadOnlyList<MergeInput> parts)
    {
        if (parts.Count == 0) throw new InvalidInputException("merge: no results folder given");
        foreach (var (field, value) in Identity)
        {
            var first = parts[0];
            foreach (var part in parts.Skip(1))
            {
                if (value(part.Saved.Results) == value(first.Saved.Results)) continue;
                throw new InvalidInputException($"merge: the folders differ in the {field}: {Shown(value(first.Saved.Results))} in {first.Folder}, {Shown(value(part.Saved.Results))} in {part.Folder}; " +
                    "only shards of one experiment, run on the same data with the same plugins, LossLab version, libtorch and device kind, can be merged");
            }
        }
        foreach (var part in parts.Skip(1)) CheckPlugins(parts[0], part);
        var holder = new Dictionary<(string, int), string>();
        foreach (var part in parts)
        foreach (var run in part.Saved.Results.Runs)
        {
            if (holder.TryAdd((run.Loss, run.Seed), part.Folder)) continue;
            throw new InvalidInputException($"merge: {run.Loss} seed {run.Seed} is in both {holder[(run.Loss, run.Seed)]} and {part.Folder}; " +
                "each run must come from one folder (was one shard given twice, or run into two folders?)");
        }
    }

    /// <summary>
    /// The parts joined, not yet closed (<see cref="ExperimentClosing.Close"/> adds the cross-run analysis): runs in
    /// plan order, their rows in plan order (as predictions.csv of a single-process run), started at the earliest
    /// part's start, with <paramref name="commandLine"/> and the parts in <see cref="ExperimentResults.MergedFrom"/>.
    /// </summary>
    /// <remarks>Call <see cref="Check"/> first.</remarks>
    public static (ExperimentResults Results, List<Prediction> Predictions) Join(IReadOnlyList<MergeInput> parts, string commandLine)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        // The parts agree on everything but their runs, timing and environment; the lowest shard's stands for them.
        var template = parts.OrderBy(p => p.Saved.Results.Shard?.Index ?? -1).First().Saved.Results;
        var owner = parts.SelectMany((p, i) => p.Saved.Results.Runs.Select(r => (Run: r, Part: i))).ToDictionary(x => (x.Run.Loss, x.Run.Seed));
        var rows = parts.Select(p => p.Saved.Predictions.ToLookup(r => (r.Loss, r.Seed))).ToList();
        var losses = template.Losses.Select(l => l.Name).ToList();
        var runs = new List<RunResult>();
        var predictions = new List<Prediction>();
        foreach (var key in ShardPlan.Runs(template.Seeds, losses))
        {
            if (!owner.TryGetValue(key, out var held)) continue;
            runs.Add(held.Run);
            predictions.AddRange(rows[held.Part][key]);
        }
        var boundaries = parts.SelectMany(p => p.Saved.Results.DecisionBoundaries).ToLookup(b => b.Loss);
        var results = template with
        {
            StartedAt = parts.Min(p => p.Saved.Results.StartedAt),
            CommandLine = commandLine,
            Shard = null,
            MergedFrom = [.. parts.Select(p => new MergedPart
            {
                Folder = Path.GetFullPath(p.Folder), Shard = p.Saved.Results.Shard, StartedAt = p.Saved.Results.StartedAt,
                CommandLine = p.Saved.Results.CommandLine, Runs = p.Saved.Results.Runs.Count,
            })],
            Runs = runs,
            DecisionBoundaries = [.. losses.Where(l => boundaries[l].Any()).Select(l => boundaries[l].First())],
            Aggregates = [], Bootstrap = null, Gates = [], GatesPassed = null, Warnings = [],
        };
        return (results, predictions);
    }

    /// <summary>The runs of the experiment that no part holds, in plan order.</summary>
    public static List<(string Loss, int Seed)> Missing(ExperimentResults merged)
    {
        var held = merged.Runs.Select(r => (r.Loss, r.Seed)).ToHashSet();
        return [.. ShardPlan.Planned(merged).Where(run => !held.Contains(run))];
    }

    /// <summary>The plugin SHA-256s (plugins), plugin by plugin, so the message names the plugin whose DLL differs.</summary>
    private static void CheckPlugins(MergeInput first, MergeInput part)
    {
        static Dictionary<(string, string), string> Hashes(MergeInput p) =>
            p.Saved.Results.Plugins.ToDictionary(u => (u.Kind, u.Name), u => u.Sha256.ToLowerInvariant());
        var (mine, theirs) = (Hashes(first), Hashes(part));
        foreach (var key in mine.Keys.Union(theirs.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var (a, b) = (mine.GetValueOrDefault(key, "(not used)"), theirs.GetValueOrDefault(key, "(not used)"));
            if (a == b) continue;
            throw new InvalidInputException($"merge: the folders differ in the plugin SHA-256s (plugins): {key.Item1} plugin '{key.Item2}' has {a} in {first.Folder}, {b} in {part.Folder}; " +
                "only shards of one experiment, run on the same data with the same plugins and LossLab version, can be merged");
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "(none recorded)" : value;
}
