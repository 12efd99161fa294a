using System.Globalization;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// The checks that make the findings check themselves: from the numbers in results.json alone, every reason not to
/// trust them (see <see cref="WarningCodes"/>). Each threshold is a constant here, and the README lists them.
/// </summary>
public static class ResultChecks
{
    /// <summary>Tuned thresholds or test metrics resting on fewer positives than this are warned about.</summary>
    public const int FewPositives = 10;

    /// <summary>Training loss falling by more than this fraction per epoch, on average over the last epochs, is still falling fast.</summary>
    public const double StillFallingPerEpoch = 0.01;

    /// <summary>A ranking metric (ROC-AUC, AP) this far below its peak at the last epoch has fallen clearly.</summary>
    public const double ClearRankingFall = 0.02;

    /// <summary>Validation BCE this much above its minimum (relative) at the last epoch has risen clearly.</summary>
    public const double ClearBceRise = 0.10;

    /// <summary>A peak in the first this-fraction of the epochs is "well before the last epoch".</summary>
    public const double EarlyPeakFraction = 0.75;

    public static List<ResultWarning> Of(ExperimentResults results)
    {
        var warnings = new List<ResultWarning>();
        var training = results.Experiment.Training;
        Positives(results, warnings);
        var dataset = results.Dataset;
        if (dataset.SkippedInputs.Count > 0)
            warnings.Add(new(WarningCodes.SkippedInputs, null, null,
                $"{dataset.SkippedInputs.Count} input(s) were skipped while loading the data (first: {dataset.SkippedInputs[0].Path}: {dataset.SkippedInputs[0].Reason}); the results are about the rest."));
        if (dataset.DroppedColumns.Count > 0)
            warnings.Add(new(WarningCodes.DroppedColumns, null, null,
                $"non-numeric column(s) {string.Join(", ", dataset.DroppedColumns.Select(c => $"'{c}'"))} were dropped from the features; name them in feature_columns or encode them to use them."));

        MissingRuns(results, warnings);
        foreach (var run in results.Runs)
        {
            if (run.Status == RunStatus.Diverged)
                warnings.Add(new(WarningCodes.DivergedRuns, run.Loss, run.Seed, $"{run.Loss} seed {run.Seed} diverged: {run.Error}; it is left out of every comparison."));
            if (run.Status != RunStatus.Completed) continue;
            if (run.Test is { } test && test.RocAuc < 0.5)
                warnings.Add(new(WarningCodes.WorseThanChance, run.Loss, run.Seed,
                    $"{run.Loss} seed {run.Seed} ranks worse than chance on test (ROC-AUC {F(test.RocAuc)} < 0.5): its model does not work, whatever its other numbers say."));
            NotConverged(run, warnings);
            if (training.SelectEpoch == EpochSelection.Last) PeakedEarly(run, warnings);
        }

        if (results.Bootstrap is { } bootstrap)
            foreach (var (loss, metrics) in bootstrap.Metrics)
                if (metrics.TryGetValue("roc_auc", out var auc) && auc.Upper < 0.5)
                    warnings.Add(new(WarningCodes.WorseThanChance, loss, null,
                        $"{loss} is worse than chance on test: its ROC-AUC {F(auc.Estimate)} has a {Pct(bootstrap.Confidence)} bootstrap interval [{F(auc.Lower)}, {F(auc.Upper)}] entirely below 0.5."));
        return warnings;
    }

    /// <summary>The losses worse than chance on test: a run's ROC-AUC, their mean, or a bootstrap interval below 0.5.</summary>
    public static ISet<string> WorseThanChance(ExperimentResults results) =>
        (results.Warnings.Count > 0 ? results.Warnings : Of(results))
            .Where(w => w.Code == WarningCodes.WorseThanChance && w.Loss is not null).Select(w => w.Loss!).ToHashSet(StringComparer.Ordinal);

    private static void Positives(ExperimentResults results, List<ResultWarning> warnings)
    {
        var splits = results.Dataset.Splits;
        if (splits.TryGetValue("validation", out var validation) && validation.Positives < FewPositives)
            warnings.Add(new(WarningCodes.FewValidationPositives, null, null,
                $"the validation split holds {validation.Positives} positive(s): thresholds tuned on it (and the best epoch picked on it) rest on fewer than {FewPositives}."));
        if (splits.TryGetValue("test", out var test) && test.Positives < FewPositives)
            warnings.Add(new(WarningCodes.FewTestPositives, null, null,
                $"the test split holds {test.Positives} positive(s): every test metric rests on fewer than {FewPositives}, and one positive more or less found moves recall by {F(1.0 / Math.Max(1, test.Positives))}."));
    }

    /// <summary>Runs of the plan with no record at all: <c>losslab merge</c> was given no folder that holds them.</summary>
    private static void MissingRuns(ExperimentResults results, List<ResultWarning> warnings)
    {
        var recorded = results.Runs.Select(r => (r.Loss, r.Seed)).ToHashSet();
        foreach (var (loss, seed) in ShardPlan.Planned(results).Where(run => !recorded.Contains(run)))
            warnings.Add(new(WarningCodes.MissingRun, loss, seed,
                $"{loss} seed {seed} is missing (none of the merged folders holds it): it is left out of every comparison; `losslab run --resume` on this folder trains it."));
    }

    /// <summary>Trained every planned epoch and the training loss still fell by more than 1 % an epoch over the last tenth (at least 3 epochs).</summary>
    private static void NotConverged(RunResult run, List<ResultWarning> warnings)
    {
        if (run.StoppedEarlyAtEpoch is not null || run.Epochs.Count < 4) return;
        var n = run.Epochs.Count;
        var k = Math.Max(3, n / 10);
        var from = run.Epochs[n - 1 - k].TrainLoss;
        var to = run.Epochs[n - 1].TrainLoss;
        if (!(from > 0) || !double.IsFinite(to)) return;
        var perEpoch = (from - to) / from / k;
        if (perEpoch > StillFallingPerEpoch)
            warnings.Add(new(WarningCodes.NotConverged, run.Loss, run.Seed,
                $"{run.Loss} seed {run.Seed}: the training loss was still falling {Pct(perEpoch, 1)} an epoch over the last {k} epochs; more epochs (training.epochs) may change the result."));
    }

    /// <summary>With select_epoch last: validation ROC-AUC or BCE peaked in the first three quarters and was clearly worse at the end.</summary>
    private static void PeakedEarly(RunResult run, List<ResultWarning> warnings)
    {
        var n = run.Epochs.Count;
        if (n < 4) return;
        var last = run.Epochs[^1];
        var aucPeak = run.Epochs.MaxBy(e => e.ValidationRocAuc)!;
        var bcePeak = run.Epochs.MinBy(e => e.ValidationBce)!;
        string? what = null;
        if (aucPeak.Epoch <= EarlyPeakFraction * n && aucPeak.ValidationRocAuc - last.ValidationRocAuc > ClearRankingFall)
            what = $"validation ROC-AUC peaked at {F(aucPeak.ValidationRocAuc)} in epoch {aucPeak.Epoch} of {n} and ended at {F(last.ValidationRocAuc)}";
        else if (bcePeak.Epoch <= EarlyPeakFraction * n && bcePeak.ValidationBce > 0 && (last.ValidationBce - bcePeak.ValidationBce) / bcePeak.ValidationBce > ClearBceRise)
            what = $"validation BCE was lowest ({F(bcePeak.ValidationBce)}) in epoch {bcePeak.Epoch} of {n} and ended at {F(last.ValidationBce)}";
        if (what is not null)
            warnings.Add(new(WarningCodes.ValidationPeakedEarly, run.Loss, run.Seed,
                $"{run.Loss} seed {run.Seed}: {what}; the last epoch was scored (select_epoch: last). Use \"select_epoch\": \"best\"."));
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Pct(double x, int decimals = 0) => (x * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + " %";
}
