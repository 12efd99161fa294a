using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>One seed's test rows of one loss, with its metrics at 0.5 and at each tuned threshold.</summary>
public sealed record GateSeed(int[] TestLabels, double[] TestScores, MetricSet Test, IReadOnlyDictionary<string, ThresholdResult> Thresholds);

/// <summary>
/// Gates of a loss trained under several seeds: each gate's value is the mean over seeds of the seed's test
/// metric (at its own tuned threshold), and its interval comes from a class-stratified bootstrap of every seed's
/// test rows, the metric's mean over seeds in each resample (as <see cref="PairedBootstrap"/> does; thresholds
/// held fixed). Randomness: <c>new System.Random(seed)</c>, drawn resample → seed → positives then negatives.
/// </summary>
public static class SeedGates
{
    /// <param name="resamples">0 skips the intervals (then a gate judged on an interval fails, saying why).</param>
    /// <param name="prevalence">The deployment prevalence, needed by gates judged at it.</param>
    public static List<GateResult> Judge(IReadOnlyList<Gate> gates, IReadOnlyList<GateSeed> seeds, int resamples, int seed, double confidence,
        double? prevalence = null)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(seeds);
        if (gates.Count == 0) return [];
        if (prevalence is null && gates.FirstOrDefault(g => g.AtDeployment) is { } deployed)
            throw new ArgumentException($"Gate '{deployed.Description}' needs a deployment prevalence.", nameof(prevalence));
        if (seeds.Count == 0)
            return [.. gates.Select(g => GateEvaluator.Judge(g, double.NaN, null) with { Reason = "no completed run to judge" })];

        var values = gates.Select(g => seeds.Average(s => GateMetrics.Value(g, s.Test, s.Thresholds, s.TestLabels, s.TestScores, prevalence))).ToArray();
        var intervals = resamples > 0 ? Intervals(gates, seeds, values, resamples, seed, confidence, prevalence) : null;

        var results = new List<GateResult>();
        for (int g = 0; g < gates.Count; g++)
        {
            double? threshold = gates[g].At is { } at && seeds.Count == 1 ? seeds[0].Thresholds[at].Threshold : null;
            string? tunedOn = gates[g].At is { } a ? (seeds.Count == 1 ? seeds[0].Thresholds[a].TunedOn : $"{seeds[0].Thresholds[a].TunedOn} (each seed)") : null;
            results.Add(GateEvaluator.Judge(gates[g], values[g], intervals?[g], threshold, tunedOn));
        }
        return results;
    }

    /// <summary>
    /// Percentile intervals of each gate's metric (its bounds play no part), around <paramref name="estimates"/>, from
    /// <paramref name="resamples"/> class-stratified resamples of every seed's test rows: in each, the metric's mean
    /// over seeds, read in one O(n) pass per seed (<see cref="WeightedSample"/>).
    /// </summary>
    internal static Interval[] Intervals(IReadOnlyList<Gate> gates, IReadOnlyList<GateSeed> seeds,
        double[] estimates, int resamples, int rngSeed, double confidence, double? prevalence)
    {
        var objectives = gates.Where(g => g.At is not null).Select(g => g.At!).Distinct().ToList();
        double? deployment = gates.Any(g => g.AtDeployment) ? prevalence : null;
        var samples = seeds.Select(s => new WeightedSample(s.TestLabels, s.TestScores, objectives.Select(o => s.Thresholds[o].Threshold).ToArray(), deployment)).ToArray();
        var resamplers = seeds.Select(s => new StratifiedResampler(s.TestLabels)).ToArray();
        var weights = resamplers.Select(r => new int[r.Length]).ToArray();
        var counts = new ConfusionCounts[objectives.Count];
        var atIndex = gates.Select(g => g.At is null ? -1 : objectives.IndexOf(g.At)).ToArray();
        var values = gates.Select(_ => new double[resamples]).ToArray();
        var random = new Random(rngSeed);
        for (int r = 0; r < resamples; r++)
        {
            for (int s = 0; s < seeds.Count; s++)
            {
                resamplers[s].Draw(random, weights[s]);
                var m = samples[s].Evaluate(weights[s], counts);
                for (int g = 0; g < gates.Count; g++)
                    values[g][r] += GateMetrics.Read(gates[g], m, atIndex[g] < 0 ? default : counts[atIndex[g]], prevalence) / seeds.Count;
            }
        }
        return [.. gates.Select((_, g) => PercentileInterval.Of(estimates[g], values[g], confidence))];
    }
}
