using LossLab.Evaluation.Results;
using LossLab.Reports.Data;

namespace LossLab.Reports.Verdict;

/// <summary>
/// Plain sentences that state the result and its caveats, generated from the numbers only (no predictions), so the
/// PDF and summary.md say the same thing. Each sentence is emitted only when the numbers support it.
/// </summary>
internal static class VerdictWriter
{
    /// <summary>A tuned threshold that moves F1 by less than this is not worth a sentence.</summary>
    private const double NotableF1Change = 0.05;

    /// <summary>ROC-AUC gaps smaller than this are not worth contrasting (seed noise is about that size).</summary>
    private const double NotableAucGap = 0.005;

    /// <summary>
    /// The one calibration rule: a loss whose mean test ECE is at most this is well calibrated, above it its scores
    /// should not be read as probabilities. "Best calibrated" is said only of a well-calibrated loss, so the two
    /// sentences cannot name the same loss.
    /// </summary>
    public const double PoorCalibration = 0.05;

    public static IReadOnlyList<string> Sentences(ExperimentResults results)
    {
        var table = VerdictTableModel.Build(results);
        var sentences = new List<string>();
        var measured = table.Rows.Where(r => r.CompletedRuns > 0).ToList();
        if (measured.Count == 0)
        {
            sentences.Add("No run completed, so there is nothing to compare; the appendix lists every run and its error.");
            return sentences;
        }

        // Losses worse than chance on test are never ranked without saying so: they are left out of the rankings
        // and named in a sentence of their own, and any bootstrap difference involving them says it.
        var belowChance = BelowChance(results, table, measured);
        var working = measured.Where(r => !belowChance.Contains(r.Loss)).ToList();
        if (working.Count == 0)
            sentences.Add($"Every loss ranks worse than chance on test ({string.Join(", ", measured.Select(r => $"{r.Loss} ROC-AUC {AucText(table, r)}"))}): none of these models works, so no loss is ranked; see the warnings before reading any other number.");
        else
        {
            if (belowChance.Count > 0)
                sentences.Add($"{string.Join(", ", measured.Where(r => belowChance.Contains(r.Loss)).Select(r => $"{r.Loss} (ROC-AUC {AucText(table, r)})"))} {(belowChance.Count == 1 ? "ranks" : "rank")} worse than chance on test and {(belowChance.Count == 1 ? "is" : "are")} left out of the rankings below.");
            Headline(table, working, sentences);
            Contrast(table, working, sentences);
        }
        Bootstrap(results, belowChance, sentences);
        ThresholdEffect(table, measured, sentences);
        Calibration(table, working, sentences);
        Incomplete(table, sentences);
        SmallTestSet(results, sentences);
        Accuracy(results, sentences);
        return sentences;
    }

    private static void Headline(VerdictTableModel table, List<VerdictRow> rows, List<string> sentences)
    {
        var auc = Best(table, rows, "roc_auc", null);
        var ap = Best(table, rows, "average_precision", null);
        if (auc is null || ap is null)
            return;
        sentences.Add(auc.Value.Loss == ap.Value.Loss
            ? $"{auc.Value.Loss} ranks best on both ROC-AUC ({Data.Format.Metric(auc.Value.Mean)}) and average precision ({Data.Format.Metric(ap.Value.Mean)}), means over seeds."
            : $"ROC-AUC is highest for {auc.Value.Loss} ({Data.Format.Metric(auc.Value.Mean)}) but average precision for {ap.Value.Loss} ({Data.Format.Metric(ap.Value.Mean)}); at this imbalance AP is the more telling of the two.");
    }

    /// <summary>The classic trap: a loss that wins F1 at 0.5 only because it shifts scores up, not because it ranks better.</summary>
    private static void Contrast(VerdictTableModel table, List<VerdictRow> rows, List<string> sentences)
    {
        var f1 = Best(table, rows, "f1", null);
        var auc = Best(table, rows, "roc_auc", null);
        if (f1 is null || auc is null || f1.Value.Loss == auc.Value.Loss)
            return;
        var f1LossAuc = Mean(table, rows.First(r => r.Loss == f1.Value.Loss), "roc_auc", null);
        if (f1LossAuc is null || auc.Value.Mean - f1LossAuc.Value < NotableAucGap)
            return;
        sentences.Add($"F1 at 0.5 favours {f1.Value.Loss}, but its ROC-AUC ({Data.Format.Metric(f1LossAuc.Value)}) is lower than {auc.Value.Loss}'s ({Data.Format.Metric(auc.Value.Mean)}): "
            + "at a fixed threshold a loss can win by moving its scores rather than by ranking better.");
    }

    private static HashSet<string> BelowChance(ExperimentResults results, VerdictTableModel table, List<VerdictRow> measured)
    {
        var set = new HashSet<string>(LossLab.Evaluation.ResultChecks.WorseThanChance(results), StringComparer.Ordinal);
        foreach (var row in measured)
            if (Mean(table, row, "roc_auc", null) is < 0.5) set.Add(row.Loss);
        return set;
    }

    private static string AucText(VerdictTableModel table, VerdictRow row) =>
        Mean(table, row, "roc_auc", null) is { } auc ? Data.Format.Metric(auc) : "n/a";

    private static void Bootstrap(ExperimentResults results, HashSet<string> belowChance, List<string> sentences)
    {
        if (results.Bootstrap is not { } bootstrap || bootstrap.Differences.Count == 0)
            return;
        var clear = new List<string>();
        foreach (var (loss, differences) in bootstrap.Differences.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            foreach (var (metric, d) in differences.OrderBy(d => MetricLabels.Order(d.Key)))
            {
                if (d.Verdict is not ("better" or "worse"))
                    continue;
                var broken = new[] { loss, bootstrap.Baseline }.Where(belowChance.Contains).ToList();
                clear.Add($"{loss} is {d.Verdict} on {MetricLabels.Short(metric)} ({Data.Format.Signed(d.Estimate)}, {Confidence(bootstrap)} CI {Data.Format.Interval(d.Lower, d.Upper)})"
                    + (broken.Count == 0 ? "" : $", although {string.Join(" and ", broken)} {(broken.Count == 1 ? "is" : "are")} worse than chance on test"));
            }
        }

        var lead = $"Against the baseline {bootstrap.Baseline}, a paired bootstrap over test rows ({bootstrap.Resamples:N0} resamples)";
        sentences.Add(clear.Count == 0
            ? $"{lead} finds no clear difference on any metric: every interval contains zero."
            : $"{lead} finds: {string.Join("; ", clear)}. Every other comparison is inconclusive.");
    }

    private static void ThresholdEffect(VerdictTableModel table, List<VerdictRow> rows, List<string> sentences)
    {
        if (table.Objective is not { } objective)
            return;
        var changes = rows
            .Select(r => (r.Loss, At05: Mean(table, r, "f1", null), Tuned: Mean(table, r, "f1", objective)))
            .Where(c => c.At05 is not null && c.Tuned is not null && Math.Abs(c.Tuned.Value - c.At05.Value) >= NotableF1Change)
            .OrderByDescending(c => Math.Abs(c.Tuned!.Value - c.At05!.Value))
            .ToList();
        if (changes.Count == 0)
            return;
        var parts = changes.Select(c => $"{c.Loss} from {Data.Format.Metric(c.At05!.Value)} to {Data.Format.Metric(c.Tuned!.Value)}");
        sentences.Add($"Tuning the threshold on validation ({objective}) moves test F1 of {string.Join(", ", parts)}: compare losses at their own tuned thresholds, not at 0.5.");
    }

    /// <summary>The calibration rule (<see cref="PoorCalibration"/>): best calibrated only among the well calibrated; the rest named as poor.</summary>
    private static void Calibration(VerdictTableModel table, List<VerdictRow> rows, List<string> sentences)
    {
        var eces = rows.Select(r => (r.Loss, Ece: Mean(table, r, "ece", null))).Where(r => r.Ece is not null).Select(r => (r.Loss, Ece: r.Ece!.Value)).ToList();
        if (eces.Count == 0)
            return;
        var poor = eces.Where(r => r.Ece > PoorCalibration).Select(r => $"{r.Loss} (ECE {Data.Format.Metric(r.Ece)})").ToList();
        var good = eces.Where(r => r.Ece <= PoorCalibration).ToList();
        if (good.Count == 0)
        {
            sentences.Add($"No loss is well calibrated (mean test ECE above {Data.Format.Metric(PoorCalibration)} for {string.Join(", ", poor)}): none of these scores should be read as probabilities without recalibration.");
            return;
        }
        var best = good.MinBy(r => r.Ece);
        var sentence = $"{best.Loss} is the best calibrated (ECE {Data.Format.Metric(best.Ece)}, at most {Data.Format.Metric(PoorCalibration)}).";
        if (poor.Count > 0)
            sentence += $" Scores of {string.Join(", ", poor)} should not be read as probabilities without recalibration.";
        sentences.Add(sentence);
    }

    private static void Incomplete(VerdictTableModel table, List<string> sentences)
    {
        foreach (var row in table.Rows.Where(r => r.CompletedRuns < r.Runs))
        {
            sentences.Add(row.CompletedRuns == 0
                ? $"{row.Loss} completed none of its {row.Runs} runs and is left out of every comparison; see the appendix for the errors."
                : $"{row.Loss} completed {row.CompletedRuns} of {row.Runs} runs; its means are over fewer seeds (failures are listed in the appendix).");
        }
    }

    private static void SmallTestSet(ExperimentResults results, List<string> sentences)
    {
        if (!results.Dataset.Splits.TryGetValue("test", out var test) || test.Positives == 0)
            return;
        var positives = test.Positives;
        var step = 1.0 / positives;
        sentences.Add(positives < 100
            ? $"With {positives} positives in the test split, intervals are wide: one positive more or less found moves recall by {Data.Format.Metric(step)}."
            : $"The test split holds {positives:N0} positives; one more or less found moves recall by {Data.Format.Metric(step, 4)}.");
    }

    private static void Accuracy(ExperimentResults results, List<string> sentences)
    {
        var rows = results.Dataset.Rows;
        if (rows == 0 || results.Dataset.Negatives <= results.Dataset.Positives)
            return;
        var allNegative = (double)results.Dataset.Negatives / rows;
        sentences.Add($"Accuracy is not reported as a headline: at {Data.Format.Ratio(results.Dataset.Ratio)} predicting all-negative scores {Data.Format.Percent(allNegative)}.");
    }

    private static string Confidence(BootstrapSummary bootstrap) => Data.Format.Percent(bootstrap.Confidence, 0);

    private static (string Loss, double Mean)? Best(VerdictTableModel table, List<VerdictRow> rows, string metric, string? objective)
    {
        var column = IndexOf(table, metric, objective);
        if (column < 0)
            return null;
        var lowerIsBetter = table.Columns[column].LowerIsBetter;
        var candidates = rows
            .Select(r => (r.Loss, Value: r.Cells[column].Value))
            .Where(c => c.Value is { Count: > 0 } && double.IsFinite(c.Value.Mean))
            .Select(c => (c.Loss, c.Value!.Mean))
            .ToList();
        if (candidates.Count == 0)
            return null;
        return lowerIsBetter ? candidates.MinBy(c => c.Mean) : candidates.MaxBy(c => c.Mean);
    }

    private static double? Mean(VerdictTableModel table, VerdictRow row, string metric, string? objective)
    {
        var column = IndexOf(table, metric, objective);
        return column >= 0 && row.Cells[column].Value is { Count: > 0 } s && double.IsFinite(s.Mean) ? s.Mean : null;
    }

    private static int IndexOf(VerdictTableModel table, string metric, string? objective)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Metric == metric && table.Columns[i].Objective == objective)
                return i;
        }

        return -1;
    }
}
