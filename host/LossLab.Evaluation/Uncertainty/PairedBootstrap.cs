using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// Uncertainty of the test metrics of several losses, and of their differences with a baseline, by a paired,
/// class-stratified percentile bootstrap over the test rows of every seed.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Metric names reported, all higher-is-better.</summary>
    public static IReadOnlyList<string> ReportedMetrics { get; } = ["roc_auc", "average_precision", "f1"];

    /// <summary>
    /// For b = 1..B resamples: for each seed, one resample of its test rows drawn with replacement and
    /// stratified by class (as many positives and negatives as the seed has; see remarks), the SAME rows for
    /// every loss (paired). A metric's value in resample b is its mean over seeds,
    /// <code>m_b(loss) = (1/S)·Σ_s metric(labels_s[I_{b,s}], scores_{s,loss}[I_{b,s}])</code>
    /// for roc_auc, average_precision and f1 at the threshold tuned for (loss, seed). The difference of a loss
    /// with the baseline is d_b = m_b(loss) − m_b(baseline). Intervals are percentile intervals
    /// [q(α), q(1−α)], α = (1 − confidence)/2, with NumPy's linear quantile; estimates are the full-sample
    /// values (mean over seeds of the metric on all test rows). Verdict: "better" when the difference's lower
    /// bound is &gt; 0, "worse" when its upper bound is &lt; 0, otherwise "no clear difference" (the interval
    /// contains 0).
    /// </summary>
    /// <remarks>
    /// Stratified so that every resample of a 99:1 test set holds positives and AUC stays defined; it treats
    /// the class counts as fixed by the split design (they are, with stratified splits). Randomness:
    /// <c>new System.Random(seed)</c>, drawn in the order resample → seed (list order) → positives then
    /// negatives, each draw <c>Next(count)</c>; same inputs and seed give the same result on every .NET.
    /// A seed whose test rows hold one class only makes AUC and AP NaN; NaN resample values are left out of the
    /// quantiles. Cost: one sort per (seed, loss), then O(rows) per resample.
    /// <para>Threads: the draws stay on one thread in that order; evaluating the drawn resamples, two thirds of the
    /// work, is spread over <paramref name="maxDegreeOfParallelism"/> threads (<see cref="BootstrapDistribution"/>).
    /// Every number and verdict is the same, bit for bit, for any thread count.</para>
    /// </remarks>
    /// <param name="seeds">At least one seed; each must give scores and a tuned threshold for every loss.</param>
    /// <param name="losses">Losses to report, baseline included.</param>
    /// <param name="baseline">The loss the others are compared with; must be in <paramref name="losses"/>.</param>
    /// <param name="thresholdObjective">Name of the objective that gave the tuned thresholds (recorded only).</param>
    /// <param name="resamples">B ≥ 1.</param>
    /// <param name="seed">Seed of System.Random.</param>
    /// <param name="confidence">Interval coverage, in (0, 1).</param>
    /// <param name="maxDegreeOfParallelism">Threads at most; 0 for <see cref="Environment.ProcessorCount"/>. It changes
    /// how long the bootstrap takes, never its result.</param>
    public static BootstrapSummary Run(
        IReadOnlyList<SeedTestSet> seeds, IReadOnlyList<string> losses, string baseline, string thresholdObjective,
        int resamples = 1000, int seed = 0, double confidence = 0.95, int maxDegreeOfParallelism = 0)
    {
        Validate(seeds, losses, baseline, thresholdObjective, resamples, confidence);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        int s = seeds.Count, l = losses.Count, metrics = ReportedMetrics.Count;

        var resamplers = seeds.Select(t => new StratifiedResampler(t.Labels)).ToArray();
        var samples = new WeightedSample[s, l];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < l; j++)
                samples[i, j] = new WeightedSample(
                    seeds[i].Labels, seeds[i].ScoresByLoss[losses[j]], [seeds[i].TunedThresholdByLoss[losses[j]]]);

        var estimates = BootstrapDistribution.Evaluate(samples, [.. resamplers.Select(r => r.Identity())]);
        // values[j, m, b]: metric m of loss j in resample b (mean over seeds).
        var values = BootstrapDistribution.Of(samples, resamplers, resamples, new Random(seed),
            maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism);

        int baseIndex = IndexOf(losses, baseline);
        var summaryMetrics = new Dictionary<string, Dictionary<string, Interval>>();
        var differences = new Dictionary<string, Dictionary<string, PairedDifference>>();
        var column = new double[resamples];
        for (int j = 0; j < l; j++)
        {
            var intervals = new Dictionary<string, Interval>();
            var diffs = new Dictionary<string, PairedDifference>();
            for (int m = 0; m < metrics; m++)
            {
                for (int b = 0; b < resamples; b++) column[b] = values[j, m, b];
                intervals[ReportedMetrics[m]] = PercentileInterval.Of(estimates[j, m], column, confidence);
                if (j == baseIndex) continue;
                for (int b = 0; b < resamples; b++) column[b] = values[j, m, b] - values[baseIndex, m, b];
                var d = PercentileInterval.Of(estimates[j, m] - estimates[baseIndex, m], column, confidence);
                diffs[ReportedMetrics[m]] = new PairedDifference(d.Estimate, d.Lower, d.Upper, Verdict(d));
            }
            summaryMetrics[losses[j]] = intervals;
            if (j != baseIndex) differences[losses[j]] = diffs;
        }

        return new BootstrapSummary
        {
            Resamples = resamples,
            Seed = seed,
            Confidence = confidence,
            Baseline = baseline,
            ThresholdObjective = thresholdObjective,
            Metrics = summaryMetrics,
            Differences = differences,
        };
    }

    /// <summary>"better" if the whole interval is above 0, "worse" if below, else "no clear difference".</summary>
    internal static string Verdict(Interval difference) =>
        difference.Lower > 0 ? "better"
        : difference.Upper < 0 ? "worse"
        : "no clear difference";

    private static int IndexOf(IReadOnlyList<string> losses, string loss)
    {
        for (int j = 0; j < losses.Count; j++) if (losses[j] == loss) return j;
        return -1;
    }

    private static void Validate(
        IReadOnlyList<SeedTestSet> seeds, IReadOnlyList<string> losses, string baseline, string thresholdObjective,
        int resamples, double confidence)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(thresholdObjective);
        if (seeds.Count == 0) throw new ArgumentException("At least one seed is needed.", nameof(seeds));
        if (losses.Count == 0) throw new ArgumentException("At least one loss is needed.", nameof(losses));
        if (losses.Distinct().Count() != losses.Count) throw new ArgumentException("Loss names must be unique.", nameof(losses));
        if (IndexOf(losses, baseline) < 0)
            throw new ArgumentException($"The baseline '{baseline}' is not among the losses ({string.Join(", ", losses)}).", nameof(baseline));
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "At least one resample is needed.");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        foreach (var set in seeds)
        {
            ArgumentNullException.ThrowIfNull(set, nameof(seeds));
            foreach (string loss in losses)
            {
                if (!set.ScoresByLoss.TryGetValue(loss, out var scores))
                    throw new ArgumentException($"Seed {set.Seed} has no test scores for loss '{loss}'.", nameof(seeds));
                if (!set.TunedThresholdByLoss.TryGetValue(loss, out double threshold) || double.IsNaN(threshold))
                    throw new ArgumentException($"Seed {set.Seed} has no tuned threshold for loss '{loss}'.", nameof(seeds));
                InputChecks.LabelsAndScores(set.Labels, scores, scoresName: $"seed {set.Seed} scores of '{loss}'");
            }
        }
    }
}
