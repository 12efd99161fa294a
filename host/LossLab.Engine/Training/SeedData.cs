using System.Security.Cryptography;
using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Evaluation.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// Everything one seed shares across losses: the split, the inputs on the device, the batch schedule and its hash.
/// Tables are standardised and held as tensors. Images kept as bytes (<see cref="Dataset.Pixels"/>) stay bytes for
/// training, shared by every seed, and become float inputs batch by batch (<see cref="TrainBatch"/>), augmented when
/// training.augment is on; validation and test rows stay bytes too and are converted a chunk at a time when scored
/// (<see cref="EvaluationInputs"/>). Owned tensors live outside any dispose scope until <see cref="Dispose"/>.
/// </summary>
public sealed class SeedData : IDisposable
{
    private readonly Tensor? _trainX;
    private readonly PixelInputs? _pixels;
    private readonly long[] _inputShape;
    private readonly int[] _shape;
    private readonly Device _device;
    private readonly bool _augment;

    public int Seed { get; }
    public DataSplit Split { get; }
    public BatchSchedule Schedule { get; }
    /// <summary>Covers the split, every epoch's order and, with augmentation, every image's crop and flip.</summary>
    public string DataOrderHash { get; }
    public ClassCounts TrainCounts { get; }
    /// <summary>The whole training split's inputs; for tables only (images are converted per batch: <see cref="TrainBatch"/>).</summary>
    public Tensor TrainX => _trainX ?? throw new InvalidOperationException("image inputs are made per batch: use TrainBatch");
    public Tensor TrainY { get; }
    /// <summary>The validation split's inputs, scored after every epoch and after training.</summary>
    public EvaluationInputs ValidationInputs { get; }
    /// <summary>The test split's inputs, scored after training.</summary>
    public EvaluationInputs TestInputs { get; }
    /// <summary>The validation split's inputs as one tensor; for tables only (images are converted per chunk: <see cref="ValidationInputs"/>).</summary>
    public Tensor ValidationX => ValidationInputs.Whole ?? throw new InvalidOperationException("image inputs are converted per chunk: use ValidationInputs");
    public Tensor ValidationY { get; }
    /// <summary>The test split's inputs as one tensor; for tables only (images are converted per chunk: <see cref="TestInputs"/>).</summary>
    public Tensor TestX => TestInputs.Whole ?? throw new InvalidOperationException("image inputs are converted per chunk: use TestInputs");
    public int[] ValidationLabels { get; }
    public int[] TestLabels { get; }
    /// <summary>The dataset's row ids (<see cref="Dataset.RowIds"/>) of the validation and test rows, in split order, for predictions.csv.</summary>
    public string[] ValidationIds { get; }
    public string[] TestIds { get; }
    /// <summary>Standardised test features (row-major), for decision-boundary plots; empty for images.</summary>
    public float[] TestFeatures { get; }
    /// <summary>The standardisation fitted on the training split (tables); null for images, which are not standardised.</summary>
    public Standardizer? Standardizer { get; }
    /// <summary>The per-channel mean and std image inputs are normalised with; null for tables and for none.</summary>
    public PixelInputs? Pixels => _pixels;

    public SeedData(Dataset data, int seed, LossLab.Evaluation.Experiments.Experiment experiment, Device device)
    {
        Seed = seed;
        _device = device;
        Split = StratifiedSplitter.Split(data.Labels, experiment.Split, seed);
        Schedule = BatchSchedule.Create(Split.Train.Length, experiment.Training.Epochs, experiment.Training.BatchSize, seed);
        _shape = data.Info.InputShape;
        _inputShape = [.. _shape.Select(d => (long)d)];
        _augment = experiment.Training.Augment;
        if (_augment && data.Info.InputShape.Length != 3)
            throw new DataException($"training.augment crops and flips images; the data has input shape [{string.Join(", ", data.Info.InputShape)}]");
        DataOrderHash = _augment ? Schedule.Hash(Split, HashAugmentation) : Schedule.Hash(Split);

        long[] shape(int rows) => [rows, .. _inputShape];
        Tensor Y(int[] rows) => tensor(rows.Select(r => (float)data.Labels[r]).ToArray(), ScalarType.Float32, device).DetachFromDisposeScope();
        if (data.Pixels is not null)
        {
            _pixels = new PixelInputs(data, Split.Train);
            ValidationInputs = EvaluationInputs.Images(_pixels, Split.Validation, _shape, device);
            TestInputs = EvaluationInputs.Images(_pixels, Split.Test, _shape, device);
            TestFeatures = [];
        }
        else
        {
            var width = data.RowLength;
            Standardizer = data.Info.IsTabular ? Standardizer.Fit(data.Features, width, Split.Train) : null;
            var features = Standardizer?.Transform(data.Features, width) ?? data.Features;
            Tensor X(int[] rows) => tensor(Gather(features, width, rows), shape(rows.Length), ScalarType.Float32, device).DetachFromDisposeScope();
            _trainX = X(Split.Train);
            ValidationInputs = EvaluationInputs.Table(X(Split.Validation));
            TestInputs = EvaluationInputs.Table(X(Split.Test));
            TestFeatures = Gather(features, width, Split.Test);
        }
        TrainY = Y(Split.Train);
        ValidationY = Y(Split.Validation);
        ValidationLabels = Split.Validation.Select(r => data.Labels[r]).ToArray();
        TestLabels = Split.Test.Select(r => data.Labels[r]).ToArray();
        ValidationIds = Split.Validation.Select(r => data.RowIds?[r] ?? RowNumbers.Of(r)).ToArray();
        TestIds = Split.Test.Select(r => data.RowIds?[r] ?? RowNumbers.Of(r)).ToArray();
        var positives = Split.Train.Count(r => data.Labels[r] == 1);
        TrainCounts = new ClassCounts(Split.Train.Length - positives, positives);
    }

    /// <summary>
    /// The inputs of one training batch; call inside a dispose scope. <paramref name="positions"/> index the
    /// training split (null: the whole split in its order); <paramref name="index"/> is the same positions as a
    /// tensor, for tables. <paramref name="epoch"/> and <paramref name="batch"/> (both from 0) seed the augmentation.
    /// </summary>
    public Tensor TrainBatch(ArraySegment<int>? positions, Tensor? index, int epoch, int batch)
    {
        Tensor x;
        if (_pixels is null) x = index is null ? TrainX : TrainX.index_select(0, index);
        else
        {
            var rows = positions is { } p ? p.Select(k => Split.Train[k]).ToArray() : Split.Train;
            x = OnDevice(_pixels.ToTensor(rows, _shape));
        }
        return _augment ? ImageAugmentation.Apply(x, Draws(epoch, batch, (int)x.shape[0])) : x;
    }

    private Tensor OnDevice(Tensor cpu) => _device.type == DeviceType.CPU ? cpu : cpu.to(_device);

    private AugmentationDraw[] Draws(int epoch, int batch, int count) =>
        AugmentationDraw.ForBatch(Seed, epoch, batch, count, (int)_inputShape[1], (int)_inputShape[2]);

    private void HashAugmentation(IncrementalHash sha, int epoch, int batch, int count)
    {
        foreach (var d in Draws(epoch, batch, count))
        {
            sha.AppendData(BitConverter.GetBytes(d.Top)); sha.AppendData(BitConverter.GetBytes(d.Left));
            sha.AppendData(BitConverter.GetBytes(d.Height)); sha.AppendData(BitConverter.GetBytes(d.Width));
            sha.AppendData(BitConverter.GetBytes(d.Flip));
        }
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
        foreach (var t in new[] { _trainX, TrainY, ValidationY }) t?.Dispose();
        ValidationInputs.Dispose();
        TestInputs.Dispose();
    }
}
