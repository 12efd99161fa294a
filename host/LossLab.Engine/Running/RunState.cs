using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Training;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>
/// The results of an experiment as they accumulate, shared by the workers: runs in plan order (seed-major, then
/// loss order), their predictions and decision boundaries. Saved after every run.
/// </summary>
internal sealed class RunState
{
    private readonly Lock _gate = new();
    private readonly ResolvedExperiment _resolved;
    private readonly RunOptions _options;
    private readonly Dictionary<(string Loss, int Seed), RunResult> _runs = [];
    private readonly Dictionary<(string Loss, int Seed), List<Prediction>> _predictions = [];
    private readonly Dictionary<string, DecisionBoundary> _boundaries = [];
    private readonly ExperimentResults _template;

    public List<LossShape> LossShapes => _template.LossShapes;

    public RunState(ResolvedExperiment resolved, RunOptions options, EnvironmentInfo environment, Dataset loaded, Dataset data, SeedData first, long parameters)
    {
        _resolved = resolved;
        _options = options;
        var e = resolved.Experiment;
        var counts = data.Counts;
        _template = new ExperimentResults
        {
            Name = e.Name, Title = e.Title, StartedAt = DateTimeOffset.UtcNow, CommandLine = options.CommandLine,
            Experiment = (System.Text.Json.Nodes.JsonObject)resolved.Json.DeepClone(), Environment = environment,
            Plugins = [.. new[] { resolved.Dataset.Descriptor, resolved.Model.Descriptor }.Concat(resolved.Losses.Select(l => l.Plugin.Descriptor))
                .DistinctBy(d => (d.Kind, d.Name)).Select(d => new PluginUsage(d.Kind.Label(), d.Name, d.Source, d.Sha256))],
            Dataset = new DatasetSummary
            {
                Plugin = resolved.Dataset.Descriptor.Name, Source = data.Info.Source, Options = Plain(resolved.Dataset),
                Rows = data.Count, Positives = (int)counts.Positives, Negatives = (int)counts.Negatives,
                Ratio = counts.Positives == 0 ? double.PositiveInfinity : counts.Negatives / (double)counts.Positives,
                InputShape = data.Info.InputShape, FeatureNames = [.. data.Info.FeatureNames], ClassNames = [.. data.Info.ClassNames],
                LoadedRows = loaded.Count, LoadedPositives = (int)loaded.Counts.Positives, Splits = first.Summary(),
                Sha256 = DatasetHash.Of(data),
            },
            Model = new ModelSummary { Plugin = resolved.Model.Descriptor.Name, Options = Plain(resolved.Model), Parameters = parameters },
            Losses = [.. resolved.Losses.Select(l => LossCard(l, first.TrainCounts))],
            Seeds = [.. e.Seeds],
            ThresholdObjectives = [.. e.Thresholds.Select(t => ThresholdObjective.Parse(t).Name)],
        };
    }

    /// <summary>With --resume: keeps a completed run of the earlier results (and its predictions) instead of re-running it.</summary>
    public bool KeepPrevious(string loss, int seed)
    {
        var previous = _options.Previous;
        var run = previous?.Results.Runs.FirstOrDefault(r => r.Loss == loss && r.Seed == seed && r.Status == RunStatus.Completed);
        if (run is null) return false;
        _runs[(loss, seed)] = run;
        _predictions[(loss, seed)] = [.. previous!.Predictions.Where(p => p.Loss == loss && p.Seed == seed)];
        if (previous.Results.DecisionBoundaries.FirstOrDefault(b => b.Loss == loss && b.Seed == seed) is { } boundary) _boundaries[loss] = boundary;
        return true;
    }

    public void Record(RunResult run, Trainer.Outcome? outcome, SeedData? data, DecisionBoundary? boundary, ResultsFolder folder)
    {
        lock (_gate)
        {
            _runs[(run.Loss, run.Seed)] = run;
            if (outcome is { Validation: { } validation, Test: { } test } && data is not null)
                _predictions[(run.Loss, run.Seed)] = [.. Rows("validation", run, data.ValidationLabels, validation), .. Rows("test", run, data.TestLabels, test)];
            if (boundary is not null) _boundaries[run.Loss] = boundary;
            Save(folder);
        }
    }

    public void Save(ResultsFolder folder)
    {
        lock (_gate) folder.Save(Snapshot(), Predictions());
    }

    public IEnumerable<Prediction> Predictions()
    {
        lock (_gate) return [.. Ordered().SelectMany(key => _predictions.GetValueOrDefault(key) ?? [])];
    }

    public ExperimentResults Finish()
    {
        lock (_gate)
        {
            var snapshot = Snapshot();
            var names = _resolved.Losses.Select(l => l.Name).ToList();
            var runs = snapshot.Runs.Select(WithDeployment).ToList();
            var gates = Gates(runs, names);
            return snapshot with
            {
                Runs = runs,
                Aggregates = SeedAggregator.Aggregate(snapshot.Runs, names),
                Bootstrap = Bootstrap(snapshot, names),
                Gates = gates,
                GatesPassed = gates.Count == 0 ? null : gates.All(g => g.Passed),
                Prevalence = _resolved.Experiment.Prevalence,
            };
        }
    }

    private RunResult WithDeployment(RunResult run)
    {
        if (_resolved.Experiment.Prevalence is not { } prevalence || run.Status != RunStatus.Completed) return run;
        var (labels, scores) = Rows(run.Loss, run.Seed, "test");
        var (tuneLabels, tuneScores) = Rows(run.Loss, run.Seed, "validation");
        return run with
        {
            Deployment = DeploymentAnalysis.Analyze(new RankedRows(labels, scores), prevalence, run.Thresholds, (new RankedRows(tuneLabels, tuneScores), "validation")),
        };
    }

    /// <summary>Each loss's gates over its completed seeds (not only the seeds every loss completed: a gate judges one loss).</summary>
    private List<LossGates> Gates(List<RunResult> runs, List<string> names)
    {
        var e = _resolved.Experiment;
        if (e.Gates.Count == 0) return [];
        return [.. names.Select(name =>
        {
            var seeds = runs.Where(r => r.Loss == name && r.Status == RunStatus.Completed && r.Test is not null).Select(r =>
            {
                var (labels, scores) = Rows(r.Loss, r.Seed, "test");
                return new GateSeed(labels, scores, r.Test!, r.Thresholds);
            }).ToList();
            var results = SeedGates.Judge(e.Gates, seeds, e.Bootstrap.Resamples, e.Bootstrap.Seed, e.Bootstrap.Confidence, e.Prevalence);
            return new LossGates { Loss = name, Seeds = seeds.Count, Passed = results.All(g => g.Passed), Results = results };
        })];
    }

    private (int[] Labels, double[] Scores) Rows(string loss, int seed, string split)
    {
        var rows = _predictions[(loss, seed)].Where(p => p.Split == split).ToList();
        return ([.. rows.Select(p => p.Label)], [.. rows.Select(p => p.Score)]);
    }

    private ExperimentResults Snapshot() => _template with
    {
        Runs = [.. Ordered().Where(_runs.ContainsKey).Select(key => _runs[key])],
        DecisionBoundaries = [.. _resolved.Losses.Where(l => _boundaries.ContainsKey(l.Name)).Select(l => _boundaries[l.Name])],
    };

    private IEnumerable<(string, int)> Ordered() =>
        _resolved.Experiment.Seeds.SelectMany(seed => _resolved.Losses.Select(loss => (loss.Name, seed)));

    /// <summary>Paired bootstrap over the seeds in which every loss completed; none when no such seed exists.</summary>
    private BootstrapSummary? Bootstrap(ExperimentResults results, List<string> names)
    {
        var settings = _resolved.Experiment.Bootstrap;
        if (settings.Resamples == 0 || results.ThresholdObjectives.Count == 0) return null;
        var objective = results.ThresholdObjectives[0];
        var sets = new List<SeedTestSet>();
        foreach (var seed in _resolved.Experiment.Seeds)
        {
            var runs = names.Select(n => _runs.GetValueOrDefault((n, seed))).ToList();
            if (runs.Any(r => r is not { Status: RunStatus.Completed })) continue;
            var test = names.ToDictionary(n => n, n => _predictions[(n, seed)].Where(p => p.Split == "test").ToList());
            sets.Add(new SeedTestSet(seed, [.. test[names[0]].Select(p => p.Label)],
                names.ToDictionary(n => n, n => test[n].Select(p => p.Score).ToArray()),
                runs.ToDictionary(r => r!.Loss, r => r!.Thresholds[objective].Threshold)));
        }
        return sets.Count == 0 ? null
            : PairedBootstrap.Run(sets, names, names[0], objective, settings.Resamples, settings.Seed, settings.Confidence);
    }

    private static IEnumerable<Prediction> Rows(string split, RunResult run, int[] labels, ScoredSplit scored) =>
        labels.Select((y, i) => new Prediction(split, run.Seed, run.Loss, y, scored.Scores[i]));

    /// <summary>What the report's loss card shows: options as used with their meaning, the formula, and notes measured on this data's training counts.</summary>
    private static LossSummary LossCard(ConfiguredLoss loss, ClassCounts counts)
    {
        var descriptor = loss.Plugin.Descriptor;
        return new LossSummary
        {
            Name = loss.Name, Plugin = descriptor.Name, Description = descriptor.Description,
            Options = Plain(loss.Plugin), Source = descriptor.Source, Sha256 = descriptor.Sha256,
            Formula = loss.Plugin.Instance.Formula,
            OptionHelp = descriptor.Options.ToDictionary(o => o.Name, o => o.Description),
            Notes = Notes(loss, counts),
        };
    }

    /// <summary>No notes for a plugin that cannot be evaluated: its loss-shape plot and its runs report why.</summary>
    private static List<string> Notes(ConfiguredLoss loss, ClassCounts counts)
    {
        try
        {
            return LossCardNotes.Write(loss.Plugin.CreateFresh(), counts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static Dictionary<string, object?> Plain<T>(ConfiguredPlugin<T> plugin) where T : class, IPlugin =>
        plugin.Descriptor.OptionValuesOf(plugin.Instance);
}
