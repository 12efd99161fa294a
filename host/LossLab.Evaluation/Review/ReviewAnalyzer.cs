using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>The analysis behind <c>losslab review</c>: everything the evaluation library knows about one model's scores.</summary>
public static class ReviewAnalyzer
{
    public const string SameRows = "same rows";
    public const string AllRows = "all rows";

    /// <summary>
    /// With a split column, thresholds are tuned on the validation rows and every metric is judged on the test
    /// rows. Without one, thresholds are tuned and judged on all rows, and the result says it is optimistic.
    /// Judged rows get: the metrics at 0.5, each objective's tuned threshold and test metrics, reliability bins
    /// (10 equal-width and 10 equal-count), a 20-bin histogram by class, and percentile intervals from a
    /// class-stratified bootstrap of the judged rows (System.Random(BootstrapSeed); tuned thresholds are held
    /// fixed, so the intervals leave out the tuning rows' own variability). The gates, their intervals and the
    /// deployment view come from <see cref="ClosingAnalysis"/>, with the scores as one run, as <c>losslab run</c> judges a loss.
    /// </summary>
    /// <exception cref="InvalidInputException">Checked before any work: no objective, bootstrap or prevalence options with a problem (<see cref="ClosingSettings.Problem"/>, which also refuses
    /// a gate at the deployment prevalence without one), a gate judged on the interval without resamples
    /// (<see cref="GateRequirements.MissingInterval"/>). Then tuning/judged rows with a single class.</exception>
    /// <exception cref="ArgumentException">A table whose arrays are inconsistent (lengths, labels, scores).</exception>
    public static ReviewResults Analyze(PredictionTable table, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var objectives = Objectives(options);
        var settings = options.Closing;
        settings.Check();
        if (GateRequirements.MissingInterval(options.Gates, options.BootstrapResamples) is { } noInterval)
            throw new InvalidInputException(noInterval);
        InputChecks.LabelsAndScores(table.Labels, table.Scores, probabilities: true);
        if (table.Splits is not null && table.Splits.Length != table.Labels.Length)
            throw new ArgumentException(
                $"Splits has {table.Splits.Length} values for {table.Labels.Length} rows.", nameof(table));

        bool split = table.Splits is not null;
        var (tuneLabels, tuneScores) = split ? Rows(table, PredictionTableReader.Validation) : (table.Labels, table.Scores);
        var (judgeLabels, judgeScores) = split ? Rows(table, PredictionTableReader.Test) : (table.Labels, table.Scores);
        RequireBothClasses(table.Source, tuneLabels, split ? "validation rows" : "rows");
        RequireBothClasses(table.Source, judgeLabels, split ? "test rows" : "rows");

        string tunedOn = split ? PredictionTableReader.Validation : SameRows;
        // Each set of rows sorted once for every objective, metric set and deployment view.
        var tuneRows = new RankedRows(tuneLabels, tuneScores);
        var judgeRows = split ? new RankedRows(judgeLabels, judgeScores) : tuneRows;
        var thresholds = new Dictionary<string, ThresholdResult>();
        foreach (var objective in objectives)
            thresholds[objective.Name] = ThresholdTuner.Evaluate(objective, tuneRows, judgeRows, tunedOn);
        var metrics = Metrics.Compute(judgeRows);
        var run = new ScoredRun(judgeRows, metrics, thresholds, tuneRows, tunedOn);
        var judgement = ClosingAnalysis.Gates([run], settings, StandardIntervals(thresholds.Keys));

        return new ReviewResults
        {
            Source = table.Source,
            N = table.Labels.Length,
            Positives = InputChecks.Positives(table.Labels),
            SplitColumnUsed = split,
            Optimistic = !split,
            Note = split
                ? "Thresholds were tuned on the validation rows and every metric is judged on the test rows."
                : "Optimistic: with no split column, thresholds were tuned and judged on the same rows, so the "
                  + "metrics at tuned thresholds overstate what new data would give. Add a split column "
                  + "(validation/test) for an honest estimate.",
            TunedOn = tunedOn,
            JudgedOn = split ? PredictionTableReader.Test : AllRows,
            TuningRows = tuneLabels.Length,
            TuningPositives = InputChecks.Positives(tuneLabels),
            JudgedRows = judgeLabels.Length,
            JudgedPositives = InputChecks.Positives(judgeLabels),
            Metrics = metrics,
            Thresholds = thresholds,
            Reliability = Calibration.Reliability(judgeLabels, judgeScores, 10, ReliabilityBinning.EqualWidth),
            ReliabilityEqualCount = Calibration.Reliability(judgeLabels, judgeScores, 10, ReliabilityBinning.EqualCount),
            Histogram = Calibration.Histogram(judgeLabels, judgeScores, 20),
            Bootstrap = judgement.Intervals,
            BootstrapResamples = options.BootstrapResamples,
            BootstrapSeed = options.BootstrapSeed,
            BootstrapConfidence = options.BootstrapConfidence,
            Gates = judgement.Results,
            GatesPassed = judgement.Passed,
            Deployment = ClosingAnalysis.Deployment(run, settings),
            Shipped = thresholds[options.Gates.FirstOrDefault(g => g.At is not null)?.At ?? objectives[0].Name],
        };
    }

    private static List<ThresholdObjective> Objectives(ReviewOptions options)
    {
        var result = (options.Objectives ?? []).DistinctBy(o => o.Name).ToList();
        if (result.Count == 0) throw new InvalidInputException("No threshold objectives were given.");
        foreach (var gate in options.Gates ?? [])
            if (gate.At is not null && !result.Any(o => o.Name == gate.At)) result.Add(ThresholdObjective.Parse(gate.At));
        return result;
    }

    private static (int[] Labels, double[] Scores) Rows(PredictionTable table, string split)
    {
        var rows = Enumerable.Range(0, table.Labels.Length).Where(i => table.Splits![i] == split).ToArray();
        return (rows.Select(i => table.Labels[i]).ToArray(), rows.Select(i => table.Scores[i]).ToArray());
    }

    private static void RequireBothClasses(string source, int[] labels, string which)
    {
        int positives = InputChecks.Positives(labels);
        if (positives == 0 || positives == labels.Length)
            throw new InvalidInputException(
                $"{source}: the {which} ({labels.Length}) hold only {(positives == 0 ? "label 0" : "label 1")}; both classes are needed.");
    }

    /// <summary>The intervals every review reports besides its gates' (<see cref="ReviewResults.Bootstrap"/>): AUC, AP
    /// and Brier score, and F1 at each tuned threshold, as gates without bounds resampled with the gates in one pass.</summary>
    private static List<Gate> StandardIntervals(IEnumerable<string> objectives) =>
    [
        Unbounded("roc_auc", null), Unbounded("average_precision", null), Unbounded("brier", null),
        .. objectives.Select(n => Unbounded("f1", n)),
    ];

    private static Gate Unbounded(string metric, string? at) => new(metric, at, null, null, GateBasis.Value);
}
