using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Evaluation.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Everything one seed shares across losses: the split, the standardised features as tensors on the device, the
/// batch schedule and its hash. Owned tensors live outside any dispose scope until <see cref="Dispose"/>.
/// </summary>
public sealed class SeedData : IDisposable
{
    public int Seed { get; }
    public DataSplit Split { get; }
    public BatchSchedule Schedule { get; }
    public string DataOrderHash { get; }
    public ClassCounts TrainCounts { get; }
    public Tensor TrainX { get; }
    public Tensor TrainY { get; }
    public Tensor ValidationX { get; }
    public Tensor ValidationY { get; }
    public Tensor TestX { get; }
    public int[] ValidationLabels { get; }
    public int[] TestLabels { get; }
    /// <summary>Standardised test features (row-major), for decision-boundary plots.</summary>
    public float[] TestFeatures { get; }
    /// <summary>The standardisation fitted on the training split (tables); null for images, which are not standardised.</summary>
    public Standardizer? Standardizer { get; }

    public SeedData(Dataset data, int seed, LossLab.Evaluation.Experiments.Experiment experiment, Device device)
    {
        Seed = seed;
        Split = StratifiedSplitter.Split(data.Labels, experiment.Split, seed);
        Schedule = BatchSchedule.Create(Split.Train.Length, experiment.Training.Epochs, experiment.Training.BatchSize, seed);
        DataOrderHash = Schedule.Hash(Split);

        var width = data.RowLength;
        Standardizer = data.Info.IsTabular ? Standardizer.Fit(data.Features, width, Split.Train) : null;
        var features = Standardizer?.Transform(data.Features, width) ?? data.Features;
        long[] shape(int rows) => [rows, .. data.Info.InputShape.Select(d => (long)d)];
        Tensor X(int[] rows) => tensor(Gather(features, width, rows), shape(rows.Length), ScalarType.Float32, device).DetachFromDisposeScope();
        Tensor Y(int[] rows) => tensor(rows.Select(r => (float)data.Labels[r]).ToArray(), ScalarType.Float32, device).DetachFromDisposeScope();

        TrainX = X(Split.Train);
        TrainY = Y(Split.Train);
        ValidationX = X(Split.Validation);
        ValidationY = Y(Split.Validation);
        TestX = X(Split.Test);
        ValidationLabels = Split.Validation.Select(r => data.Labels[r]).ToArray();
        TestLabels = Split.Test.Select(r => data.Labels[r]).ToArray();
        TestFeatures = Gather(features, width, Split.Test);
        var positives = Split.Train.Count(r => data.Labels[r] == 1);
        TrainCounts = new ClassCounts(Split.Train.Length - positives, positives);
    }

    public Dictionary<string, SplitSummary> Summary() => new()
    {
        ["train"] = new SplitSummary(Split.Train.Length, (int)TrainCounts.Positives),
        ["validation"] = new SplitSummary(ValidationLabels.Length, ValidationLabels.Sum()),
        ["test"] = new SplitSummary(TestLabels.Length, TestLabels.Sum()),
    };

    private static float[] Gather(float[] features, int width, int[] rows)
    {
        var result = new float[rows.Length * width];
        for (var k = 0; k < rows.Length; k++) Array.Copy(features, (long)rows[k] * width, result, (long)k * width, width);
        return result;
    }

    public void Dispose()
    {
        foreach (var t in new[] { TrainX, TrainY, ValidationX, ValidationY, TestX }) t.Dispose();
    }
}
