using LossLab.Evaluation;
using LossLab.Engine.Experiments;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>
/// The runs of an experiment as they accumulate, shared by the workers: runs in plan order (seed-major, then loss
/// order), their predictions and decision boundaries, on top of the <see cref="ResultsTemplate"/>. Saved after
/// every run; with --resume, the earlier results' completed runs are kept instead of re-run.
/// </summary>
internal sealed class RunLedger(ResolvedExperiment resolved, ExperimentResults template, PreviousResults? previous, Action<string> message)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Loss, int Seed), Entry> _entries = [];
    private readonly Dictionary<string, DecisionBoundary> _boundaries = [];

    /// <summary>
    /// A run and its rows, which never change once recorded: what every save needs of them (the rows' digest, their
    /// lines in predictions.csv, the run's entry in results.json) is made once, not at every save of every later run.
    /// Both files are rewritten whole after every run, so making them again each time was quadratic in the runs
    /// (3.8 s of CPU for the predictions.csv of 90 runs of the default experiment).
    /// </summary>
    private sealed class Entry(RunResult run, List<Prediction>? rows)
    {
        private RunResult? _withDigest;
        private byte[]? _lines;
        private string? _json;

        public List<Prediction>? Rows => rows;

        /// <summary>The run with its rows' count and SHA-256, as results.json records it.</summary>
        public RunResult Run => _withDigest ??= rows is null ? run : WithDigest(run, rows);

        public byte[]? Lines => rows is null ? null : _lines ??= PredictionsFile.Format(rows);

        public string Json => _json ??= ResultsJson.Serialize(Run);

        private static RunResult WithDigest(RunResult run, List<Prediction> rows)
        {
            var (count, sha256) = PredictionDigest.Of(rows);
            return run with { PredictionRows = count, PredictionsSha256 = sha256 };
        }
    }

    /// <summary>With --resume: keeps a completed run of the earlier results (and its predictions) instead of re-running it.</summary>
    public bool KeepPrevious(string loss, int seed)
    {
        var run = previous?.Results.Runs.FirstOrDefault(r => r.Loss == loss && r.Seed == seed && r.Status == RunStatus.Completed);
        if (run is null) return false;
        List<Prediction> rows = [.. previous!.Predictions.Where(p => p.Loss == loss && p.Seed == seed)];
        // A completed run is kept only with its rows as recorded: a missing, truncated or foreign predictions.csv
        // would otherwise leave the closing analysis without them. Such a run is trained again.
        if (rows.Count == 0 || !PredictionDigest.Matches(run, rows))
        {
            message($"--resume: predictions.csv does not hold the rows results.json records for {loss} seed {seed}; training it again");
            return false;
        }
        _entries[(loss, seed)] = new Entry(run, rows);
        if (previous.Results.DecisionBoundaries.FirstOrDefault(b => b.Loss == loss && b.Seed == seed) is { } boundary) _boundaries[loss] = boundary;
        return true;
    }

    public void Record(RunResult run, Trainer.Outcome? outcome, SeedData? data, DecisionBoundary? boundary, ResultsFolder folder)
    {
        lock (_gate)
        {
            List<Prediction>? rows = outcome is { Validation: { } validation, Test: { } test } && data is not null
                ? [.. Rows("validation", run, data.ValidationLabels, data.ValidationIds, validation), .. Rows("test", run, data.TestLabels, data.TestIds, test)]
                : _entries.GetValueOrDefault((run.Loss, run.Seed))?.Rows;
            _entries[(run.Loss, run.Seed)] = new Entry(run, rows);
            if (boundary is not null) _boundaries[run.Loss] = boundary;
            Save(folder);
        }
    }

    public void Save(ResultsFolder folder)
    {
        lock (_gate)
        {
            var entries = Recorded();
            folder.Save(Snapshot(entries), [.. entries.Select(e => e.Lines).OfType<byte[]>()], [.. entries.Select(e => e.Json)]);
        }
    }

    /// <summary>Every run's validation and test rows, in plan order.</summary>
    public IEnumerable<Prediction> Predictions()
    {
        lock (_gate) return [.. Recorded().SelectMany(e => e.Rows ?? [])];
    }

    /// <summary>The results so far: the template with the runs recorded or kept, in plan order.</summary>
    public ExperimentResults Snapshot()
    {
        lock (_gate) return Snapshot(Recorded());
    }

    private ExperimentResults Snapshot(List<Entry> entries) => template with
    {
        Runs = [.. entries.Select(e => e.Run)],
        DecisionBoundaries = [.. resolved.Losses.Where(l => _boundaries.ContainsKey(l.Name)).Select(l => _boundaries[l.Name])],
    };

    /// <summary>The runs recorded or kept, in plan order.</summary>
    private List<Entry> Recorded() => [.. Ordered().Where(_entries.ContainsKey).Select(key => _entries[key])];

    private IEnumerable<(string, int)> Ordered() =>
        ShardPlan.Runs(resolved.Experiment.Seeds, [.. resolved.Losses.Select(l => l.Name)]);

    private static IEnumerable<Prediction> Rows(string split, RunResult run, int[] labels, string[] ids, ScoredSplit scored) =>
        labels.Select((y, i) => new Prediction(split, run.Seed, run.Loss, y, scored.Scores[i], ids[i]));
}
