using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// Bootstrap intervals of gate metrics over the runs of one model (a loss's seeds, or a review's one set of
/// scores), as <see cref="ClosingAnalysis.Gates"/> judges them. Randomness: <c>new System.Random(seed)</c>, drawn
/// resample → run → positives then negatives.
/// </summary>
internal static class GateIntervals
{
    /// <summary>
    /// Percentile intervals of each gate's metric (its bounds play no part), around <paramref name="estimates"/>, from
    /// <paramref name="resamples"/> class-stratified resamples of every run's judged rows: in each, the metric's mean
    /// over runs (as <see cref="PairedBootstrap"/> does; thresholds held fixed), read in one O(n) pass per run
    /// (<see cref="WeightedSample"/>).
    /// </summary>
    public static Interval[] Of(IReadOnlyList<Gate> gates, IReadOnlyList<ScoredRun> runs,
        double[] estimates, int resamples, int rngSeed, double confidence, double? prevalence)
    {
        var objectives = gates.Where(g => g.At is not null).Select(g => g.At!).Distinct().ToList();
        double? deployment = gates.Any(g => g.AtDeployment) ? prevalence : null;
        var samples = runs.Select(s => new WeightedSample(s.Judged.Labels, s.Judged.Scores, objectives.Select(o => s.Thresholds[o].Threshold).ToArray(), deployment)).ToArray();
        var resamplers = runs.Select(s => new StratifiedResampler(s.Judged.Labels)).ToArray();
        var weights = resamplers.Select(r => new int[r.Length]).ToArray();
        var counts = new ConfusionCounts[objectives.Count];
        var atIndex = gates.Select(g => g.At is null ? -1 : objectives.IndexOf(g.At)).ToArray();
        var values = gates.Select(_ => new double[resamples]).ToArray();
        var random = new Random(rngSeed);
        for (int r = 0; r < resamples; r++)
        {
            for (int s = 0; s < runs.Count; s++)
            {
                resamplers[s].Draw(random, weights[s]);
                var m = samples[s].Evaluate(weights[s], counts);
                for (int g = 0; g < gates.Count; g++)
                    values[g][r] += GateMetrics.Read(gates[g], m, atIndex[g] < 0 ? default : counts[atIndex[g]], prevalence) / runs.Count;
            }
        }
        return [.. gates.Select((_, g) => PercentileInterval.Of(estimates[g], values[g], confidence))];
    }
}
