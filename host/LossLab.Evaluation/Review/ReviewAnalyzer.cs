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
    /// fixed, so the intervals leave out the tuning rows' own variability).
    /// </summary>
    /// <exception cref="InvalidInputException">An objective that <see cref="ThresholdObjective.Parse"/> rejects
    /// (checked before any work), bad bootstrap options, or tuning/judged rows with a single class.</exception>
    /// <exception cref="ArgumentException">A table whose arrays are inconsistent (lengths, labels, scores).</exception>
    public static ReviewResults Analyze(PredictionTable table, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var objectives = ParseObjectives(options);
        if (options.BootstrapResamples < 1)
            throw new InvalidInputException($"Bootstrap resamples must be at least 1 (got {options.BootstrapResamples}).");
        if (!(options.BootstrapConfidence > 0 && options.BootstrapConfidence < 1))
            throw new InvalidInputException($"Bootstrap confidence must be in (0, 1) (got {options.BootstrapConfidence}).");
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
        var thresholds = new Dictionary<string, ThresholdResult>();
        foreach (var objective in objectives)
            thresholds[objective.Name] =
                ThresholdTuner.Evaluate(objective, tuneLabels, tuneScores, judgeLabels, judgeScores, tunedOn);
        var metrics = Metrics.Compute(judgeLabels, judgeScores);

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
            Bootstrap = Bootstrap(judgeLabels, judgeScores, metrics, thresholds, options),
            BootstrapResamples = options.BootstrapResamples,
            BootstrapSeed = options.BootstrapSeed,
            BootstrapConfidence = options.BootstrapConfidence,
        };
    }

    private static List<ThresholdObjective> ParseObjectives(ReviewOptions options)
    {
        if (options.Objectives is null) throw new InvalidInputException("No threshold objectives were given.");
        var result = new List<ThresholdObjective>();
        foreach (string text in options.Objectives)
        {
            ThresholdObjective objective;
            try { objective = ThresholdObjective.Parse(text ?? ""); }
            catch (FormatException e) { throw new InvalidInputException(e.Message); }
            if (!result.Any(o => o.Name == objective.Name)) result.Add(objective);
        }
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

    private static Dictionary<string, Interval> Bootstrap(
        int[] labels, double[] scores, MetricSet metrics, Dictionary<string, ThresholdResult> thresholds,
        ReviewOptions options)
    {
        var names = thresholds.Keys.ToArray();
        var sample = new WeightedSample(labels, scores, names.Select(n => thresholds[n].Threshold).ToArray());
        var resampler = new StratifiedResampler(labels);
        var random = new Random(options.BootstrapSeed);
        int b = options.BootstrapResamples;
        var auc = new double[b];
        var ap = new double[b];
        var brier = new double[b];
        var f1 = new double[names.Length, b];
        var weights = new int[labels.Length];
        var f1Now = new double[names.Length];
        for (int r = 0; r < b; r++)
        {
            resampler.Draw(random, weights);
            var m = sample.Evaluate(weights, f1Now);
            auc[r] = m.RocAuc;
            ap[r] = m.AveragePrecision;
            brier[r] = m.Brier;
            for (int t = 0; t < names.Length; t++) f1[t, r] = f1Now[t];
        }

        double c = options.BootstrapConfidence;
        var result = new Dictionary<string, Interval>
        {
            ["roc_auc"] = PercentileInterval.Of(metrics.RocAuc, auc, c),
            ["average_precision"] = PercentileInterval.Of(metrics.AveragePrecision, ap, c),
            ["brier"] = PercentileInterval.Of(metrics.Brier, brier, c),
        };
        var column = new double[b];
        for (int t = 0; t < names.Length; t++)
        {
            for (int r = 0; r < b; r++) column[r] = f1[t, r];
            result[$"f1@{names[t]}"] = PercentileInterval.Of(thresholds[names[t]].Test.F1, column, c);
        }
        return result;
    }
}
