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
    private readonly Dictionary<(string Loss, int Seed), RunResult> _runs = [];
    private readonly Dictionary<(string Loss, int Seed), List<Prediction>> _predictions = [];
    private readonly Dictionary<string, DecisionBoundary> _boundaries = [];
    // A run's rows never change once recorded, so their digest is computed once, not at every save of every later run.
    private readonly Dictionary<(string Loss, int Seed), (int Rows, string Sha256)> _digests = [];
    // Likewise their lines in predictions.csv, which is rewritten whole after every run: formatting every earlier
    // run's rows again at each save made the saves quadratic in the runs (3.8 s of CPU for 90 runs of the default experiment).
    private readonly Dictionary<(string Loss, int Seed), byte[]> _lines = [];
    // And their entries in results.json, rewritten whole after every run too.
    private readonly Dictionary<(string Loss, int Seed), string> _json = [];

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
        _runs[(loss, seed)] = run;
        _predictions[(loss, seed)] = rows;
        _digests.Remove((loss, seed));
        _lines.Remove((loss, seed));
        _json.Remove((loss, seed));
        if (previous.Results.DecisionBoundaries.FirstOrDefault(b => b.Loss == loss && b.Seed == seed) is { } boundary) _boundaries[loss] = boundary;
        return true;
    }

    public void Record(RunResult run, Trainer.Outcome? outcome, SeedData? data, DecisionBoundary? boundary, ResultsFolder folder)
    {
        lock (_gate)
        {
            _runs[(run.Loss, run.Seed)] = run;
            _digests.Remove((run.Loss, run.Seed));
            _lines.Remove((run.Loss, run.Seed));
            _json.Remove((run.Loss, run.Seed));
            if (outcome is { Validation: { } validation, Test: { } test } && data is not null)
                _predictions[(run.Loss, run.Seed)] = [.. Rows("validation", run, data.ValidationLabels, data.ValidationIds, validation), .. Rows("test", run, data.TestLabels, data.TestIds, test)];
            if (boundary is not null) _boundaries[run.Loss] = boundary;
            Save(folder);
        }
    }

    public void Save(ResultsFolder folder)
    {
        lock (_gate)
        {
            var snapshot = Snapshot();
            folder.Save(snapshot, FormattedPredictions(), SerializedRuns(snapshot.Runs));
        }
    }

    private List<string> SerializedRuns(List<RunResult> runs) =>
        [.. runs.Select(run => _json.TryGetValue((run.Loss, run.Seed), out var text) ? text : _json[(run.Loss, run.Seed)] = ResultsJson.Serialize(run))];

    /// <summary>Every run's rows as predictions.csv lines, in plan order, each run formatted once.</summary>
    private List<byte[]> FormattedPredictions() =>
        [.. Ordered().Where(_predictions.ContainsKey).Select(key => _lines.TryGetValue(key, out var lines) ? lines : _lines[key] = PredictionsFile.Format(_predictions[key]))];

    /// <summary>Every run's validation and test rows, in plan order.</summary>
    public IEnumerable<Prediction> Predictions()
    {
        lock (_gate) return [.. Ordered().SelectMany(key => _predictions.GetValueOrDefault(key) ?? [])];
    }

    /// <summary>The results so far: the template with the runs recorded or kept, in plan order.</summary>
    public ExperimentResults Snapshot()
    {
        lock (_gate)
            return template with
            {
                Runs = [.. Ordered().Where(_runs.ContainsKey).Select(key => WithDigest(key, _runs[key]))],
                DecisionBoundaries = [.. resolved.Losses.Where(l => _boundaries.ContainsKey(l.Name)).Select(l => _boundaries[l.Name])],
            };
    }

    private RunResult WithDigest((string, int) key, RunResult run)
    {
        if (_predictions.GetValueOrDefault(key) is not { } rows) return run;
        if (!_digests.TryGetValue(key, out var digest)) _digests[key] = digest = PredictionDigest.Of(rows);
        return run with { PredictionRows = digest.Rows, PredictionsSha256 = digest.Sha256 };
    }

    private IEnumerable<(string, int)> Ordered() =>
        ShardPlan.Runs(resolved.Experiment.Seeds, [.. resolved.Losses.Select(l => l.Name)]);

    private static IEnumerable<Prediction> Rows(string split, RunResult run, int[] labels, string[] ids, ScoredSplit scored) =>
        labels.Select((y, i) => new Prediction(split, run.Seed, run.Loss, y, scored.Scores[i], ids[i]));
}
