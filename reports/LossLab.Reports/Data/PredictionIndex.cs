using LossLab.Evaluation.Results;

namespace LossLab.Reports.Data;

/// <summary>
/// Predictions grouped by loss and seed for one split. Only runs that completed count: a run that failed half-way
/// may have left rows behind, and those must not leak into curves of the finished runs.
/// </summary>
internal sealed class PredictionIndex
{
    private readonly Dictionary<(string Loss, int Seed), ScoreSet> _runs = [];

    public PredictionIndex(IEnumerable<Prediction> predictions, IEnumerable<RunResult> runs, string split = "test")
    {
        Split = split;
        var completed = runs.Where(r => r.Status == RunStatus.Completed).Select(r => (r.Loss, r.Seed)).ToHashSet();
        var groups = predictions
            .Where(p => string.Equals(p.Split, split, StringComparison.OrdinalIgnoreCase) && completed.Contains((p.Loss, p.Seed)))
            .GroupBy(p => (p.Loss, p.Seed));
        foreach (var group in groups)
            _runs[group.Key] = new ScoreSet(group.Select(p => p.Label).ToArray(), group.Select(p => p.Score).ToArray());
    }

    public string Split { get; }

    public IReadOnlyList<int> Seeds(string loss) => _runs.Keys.Where(k => k.Loss == loss).Select(k => k.Seed).Order().ToList();

    public bool Has(string loss) => _runs.Keys.Any(k => k.Loss == loss);

    public ScoreSet? Run(string loss, int seed) => _runs.GetValueOrDefault((loss, seed));

    /// <summary>Every completed seed's rows of <paramref name="loss"/> concatenated (seed order).</summary>
    public ScoreSet Pooled(string loss)
    {
        var sets = Seeds(loss).Select(s => _runs[(loss, s)]).ToList();
        return new ScoreSet(sets.SelectMany(s => s.Labels).ToArray(), sets.SelectMany(s => s.Scores).ToArray());
    }
}
