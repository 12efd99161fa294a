using System.Globalization;
using LossLab.Engine.Training;

namespace LossLab.Cli.Commands.Run;

/// <summary>The --verbose line of one epoch: its training loss and its validation pass.</summary>
public static class EpochLine
{
    public static string Format(EpochProgress p)
    {
        var line = $"  {p.Loss} seed {p.Seed} epoch {p.Epoch}/{p.Epochs}: train loss {G(p.TrainLoss)}, validation loss {G(p.ValidationLoss)}, validation ROC-AUC {M(p.ValidationRocAuc)}";
        return p.ValidationAp is { } ap ? $"{line}, validation AP {M(ap)}" : line;
    }

    private static string G(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string M(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
