using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Builds the side-by-side <see cref="DeploymentView"/> of judged rows at a stated deployment prevalence.</summary>
public static class DeploymentAnalysis
{
    /// <param name="labels">Judged rows' labels; both classes must be present.</param>
    /// <param name="scores">Their probabilities.</param>
    /// <param name="prevalence">π in (0, 1).</param>
    /// <param name="thresholds">Tuned thresholds (objective → result on these rows); the first cost:FP,FN
    /// objective among them sets the costs of the expected cost, otherwise unit costs.</param>
    /// <param name="tuning">The rows the thresholds were tuned on, and their name: each objective whose choice
    /// depends on prevalence is re-tuned on them at π (<see cref="PrevalenceTuner"/>) and judged here too, as an extra
    /// operating point named "OBJECTIVE at π". Null to skip.</param>
    public static DeploymentView Analyze(int[] labels, double[] scores, double prevalence, IReadOnlyDictionary<string, ThresholdResult> thresholds,
        (int[] Labels, double[] Scores, string Name)? tuning = null)
    {
        InputChecks.LabelsAndScores(labels, scores, probabilities: true);
        PrevalenceReweighting.CheckPrevalence(prevalence);
        ArgumentNullException.ThrowIfNull(thresholds);
        int positives = InputChecks.Positives(labels), negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("Re-weighting to a prevalence needs both classes in the judged rows.", nameof(labels));
        double sample = (double)positives / labels.Length;

        var cost = thresholds.Keys.Select(ThresholdObjective.Parse).OfType<CostObjective>().FirstOrDefault();
        double cFp = cost?.FalsePositiveCost ?? 1, cFn = cost?.FalseNegativeCost ?? 1;

        var points = new List<DeploymentOperatingPoint> { Point("0.5", 0.5, null, ConfusionCounts.At(labels, scores, 0.5)) };
        foreach (var (name, result) in thresholds)
        {
            var t = result.Test;
            points.Add(Point(name, result.Threshold, result.TunedOn, new ConfusionCounts(t.Tp, t.Fp, t.Tn, t.Fn)));
        }
        if (tuning is { } rows)
            foreach (var objective in thresholds.Keys.Select(ThresholdObjective.Parse).Where(PrevalenceTuner.DependsOnPrevalence))
            {
                var retuned = PrevalenceTuner.Tune(objective, rows.Labels, rows.Scores, prevalence);
                points.Add(Point($"{objective.Name} at π", retuned.Threshold, $"{rows.Name}, re-weighted to π", ConfusionCounts.At(labels, scores, retuned.Threshold)));
            }

        return new DeploymentView
        {
            Prevalence = prevalence,
            SamplePrevalence = sample,
            NegativeWeight = PrevalenceReweighting.NegativeWeight(positives, negatives, prevalence),
            FalsePositiveCost = cFp,
            FalseNegativeCost = cFn,
            Costs = cost is null ? "unit costs (expected cost = error rate)" : cost.Name,
            SampleAveragePrecision = RankingMetrics.AveragePrecision(labels, scores),
            DeploymentAveragePrecision = PrevalenceReweighting.AveragePrecision(labels, scores, prevalence),
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
