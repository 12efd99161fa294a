using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Builds the side-by-side <see cref="DeploymentView"/> of judged rows at a stated deployment prevalence.</summary>
public static class DeploymentAnalysis
{
    /// <param name="judged">The judged rows (labels and probabilities); both classes must be present.</param>
    /// <param name="prevalence">π in (0, 1).</param>
    /// <param name="thresholds">Tuned thresholds (objective → result on these rows); the first cost:FP,FN
    /// objective among them sets the costs of the expected cost, otherwise unit costs.</param>
    /// <param name="tuning">The rows the thresholds were tuned on, and their name: each objective whose choice
    /// depends on prevalence is re-tuned on them at π (<see cref="PrevalenceTuner"/>) and judged here too, as an extra
    /// operating point named "OBJECTIVE at π". Null to skip.</param>
    public static DeploymentView Analyze(RankedRows judged, double prevalence, IReadOnlyDictionary<string, ThresholdResult> thresholds,
        (RankedRows Rows, string Name)? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(judged);
        PrevalenceReweighting.CheckPrevalence(prevalence);
        ArgumentNullException.ThrowIfNull(thresholds);
        var at = Metrics.Compute(judged);
        int positives = at.Positives, negatives = at.N - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("Re-weighting to a prevalence needs both classes in the judged rows.", nameof(judged));
        double sample = (double)positives / at.N;

        var cost = thresholds.Values.Select(t => t.Objective).OfType<CostObjective>().FirstOrDefault();
        double cFp = cost?.FalsePositiveCost ?? 1, cFn = cost?.FalseNegativeCost ?? 1;

        var points = new List<DeploymentOperatingPoint> { Point("0.5", 0.5, null, at.Counts) };
        foreach (var (name, result) in thresholds)
            points.Add(Point(name, result.Threshold, result.TunedOn, result.Test.Counts));
        if (tuning is { } rows)
            foreach (var objective in thresholds.Values.Select(t => t.Objective).Where(PrevalenceTuner.DependsOnPrevalence))
            {
                var retuned = PrevalenceTuner.Tune(objective, rows.Rows, prevalence);
                points.Add(Point($"{objective.Name} at π", retuned.Threshold, $"{rows.Name}, re-weighted to π", judged.Counts.AtThreshold(retuned.Threshold)));
            }

        return new DeploymentView
        {
            Prevalence = prevalence,
            SamplePrevalence = sample,
            NegativeWeight = PrevalenceReweighting.NegativeWeight(positives, negatives, prevalence),
            FalsePositiveCost = cFp,
            FalseNegativeCost = cFn,
            Costs = cost is null ? "unit costs (expected cost = error rate)" : cost.Name,
            SampleAveragePrecision = at.AveragePrecision,
            DeploymentAveragePrecision = PrevalenceReweighting.AveragePrecision(judged, prevalence),
            OperatingPoints = points,
        };

        DeploymentOperatingPoint Point(string name, double threshold, string? tunedOn, ConfusionCounts c)
        {
            double tpr = c.Recall, fpr = c.FalsePositiveRate;
            return new DeploymentOperatingPoint
            {
                Name = name,
                Threshold = threshold,
                TunedOn = tunedOn,
                Recall = tpr,
                FalsePositiveRate = fpr,
                SamplePrecision = PrevalenceReweighting.Precision(tpr, fpr, sample),
                DeploymentPrecision = PrevalenceReweighting.Precision(tpr, fpr, prevalence),
                SampleF1 = PrevalenceReweighting.F1(tpr, fpr, sample),
                DeploymentF1 = PrevalenceReweighting.F1(tpr, fpr, prevalence),
                SampleExpectedCost = PrevalenceReweighting.ExpectedCost(tpr, fpr, sample, cFp, cFn),
                DeploymentExpectedCost = PrevalenceReweighting.ExpectedCost(tpr, fpr, prevalence, cFp, cFn),
                DeploymentFlaggedRate = tpr * prevalence + fpr * (1 - prevalence),
            };
        }
    }
}
