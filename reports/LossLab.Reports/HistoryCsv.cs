using LossLab.Evaluation.Results;
using LossLab.Reports.Output;

namespace LossLab.Reports;

/// <summary>
/// history.csv: one row per run and trained epoch with what the engine records each epoch (<see cref="EpochRecord"/>):
/// the mean training loss and the validation loss, BCE, ROC-AUC and average precision (empty when not computed:
/// only early stopping on it computes AP). Runs in results.json's order; a diverged or failed run keeps the epochs it
/// trained.
/// </summary>
public static class HistoryCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["loss", "seed", "epoch", "train_loss", "validation_loss", "validation_bce", "validation_roc_auc", "validation_ap"];

    /// <summary>Writes history.csv to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(ExperimentResults results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CsvFile.Write(path, Columns, Rows(results));
    }

    public static IEnumerable<IReadOnlyList<string>> Rows(ExperimentResults results) =>
        results.Runs.SelectMany(run => run.Epochs.Select(e => (IReadOnlyList<string>)
        [
            run.Loss, CsvFile.Integer(run.Seed), CsvFile.Integer(e.Epoch), CsvFile.Number(e.TrainLoss), CsvFile.Number(e.ValidationLoss),
            CsvFile.Number(e.ValidationBce), CsvFile.Number(e.ValidationRocAuc), CsvFile.Number(e.ValidationAp),
        ]));
}
