using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LossLab.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Data;

/// <summary>
/// Turns stored image bytes into a model's float inputs, rows at a time, as <see cref="PixelFormat"/> says:
/// x = byte / 255 (torchvision ToTensor); grey = min(1, 0.2989 R + 0.587 G + 0.114 B) (torchvision rgb_to_grayscale)
/// when 3 stored channels feed 1; a stored grey channel repeated when 1 feeds 3; then (x − mean) / std per channel.
/// The arithmetic is float32 in this order, the same as the image plugin's before images were kept as bytes, so
/// unnormalised inputs are bit for bit those of earlier versions. Rows convert in parallel; each row alone, so
/// the result never depends on the thread count.
/// </summary>
public sealed class PixelInputs
{
    /// <summary>torchvision's ImageNet statistics (torchvision.models weights' transforms, after scaling to [0, 1]).</summary>
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    private readonly byte[][] _rows;
    private readonly int _stored;
    private readonly int _channels;
    private readonly int _plane;

    /// <summary>Per-channel mean and std subtracted and divided; null for none.</summary>
    public float[]? Mean { get; }
    public float[]? Std { get; }

    public int RowLength => _channels * _plane;

    /// <param name="trainRows">Rows whose pixels give the mean and std of <see cref="PixelNormalization.Dataset"/>.</param>
    public PixelInputs(Dataset data, int[] trainRows) : this(data, trainRows, data.Info.Pixels?.Normalization ?? PixelNormalization.None) { }

    /// <summary>The inputs before normalisation, in [0, 1]: the dataset's identity (<see cref="Running.DatasetHash"/>).</summary>
    public static PixelInputs Scaled(Dataset data) => new(data, [], PixelNormalization.None);

    /// <summary>Inputs normalised with given per-channel statistics: a saved model's training-split mean and std.</summary>
    public static PixelInputs WithStatistics(Dataset data, float[] mean, float[] std)
    {
        var inputs = new PixelInputs(data, [], PixelNormalization.None);
        if (mean.Length != inputs._channels || std.Length != inputs._channels)
            throw new ArgumentException($"{mean.Length} means and {std.Length} deviations for {inputs._channels} channels");
        return new PixelInputs(inputs, mean, std);
    }

    private PixelInputs(PixelInputs scaled, float[] mean, float[] std)
    {
        (_rows, _stored, _channels, _plane) = (scaled._rows, scaled._stored, scaled._channels, scaled._plane);
        (Mean, Std) = (mean, std);
    }

    private PixelInputs(Dataset data, int[] trainRows, PixelNormalization normalization)
    {
        var format = data.Info.Pixels ?? throw new ArgumentException("the dataset holds no pixels", nameof(data));
        _rows = data.Pixels ?? throw new ArgumentException("the dataset holds no pixels", nameof(data));
        _stored = format.StoredChannels;
        _channels = data.Info.InputShape[0];
        _plane = data.Info.InputShape[1] * data.Info.InputShape[2];
        (Mean, Std) = normalization switch
        {
            PixelNormalization.ImageNet => (ImageNetMean, ImageNetStd),
            PixelNormalization.Dataset => ChannelStatistics(trainRows),
            _ => ((float[]?)null, (float[]?)null),
        };
    }

    /// <summary>The given rows' inputs, row-major [rows, channels, height, width].</summary>
    public float[] Rows(IReadOnlyList<int> rows)
    {
        var values = new float[(long)rows.Count * RowLength];
        Parallel.For(0, rows.Count, k => Convert(_rows[rows[k]], values.AsSpan(k * RowLength, RowLength)));
        return values;
    }

    /// <summary>
    /// The given rows' inputs as a new CPU float32 tensor [rows, channels, height, width], converted straight into
    /// the memory torch allocated for it: no managed copy to hold beside it, and the 64-byte alignment of torch's
    /// own allocations. (TorchSharp 0.107's torch.tensor(array) clones the array and pins the managed clone as the
    /// tensor's storage, at whatever address the garbage collector gave it. Image batches made that way while
    /// training gave numbers that changed from run to run by about 1e-8, as the images' float arrays of earlier
    /// versions did, since the plugin allocated them on parallel threads; our reading is that libtorch's CPU matrix
    /// products round with the start address's alignment. Inputs in torch's memory gave the same numbers every run.)
    /// Call inside a dispose scope.
    /// </summary>
    public Tensor ToTensor(IReadOnlyList<int> rows, int[] inputShape)
    {
        var result = empty([rows.Count, .. inputShape.Select(d => (long)d)], ScalarType.Float32);
        if (rows.Count == 0) return result;
        var start = Start(result);
        Parallel.For(0, rows.Count, k => Convert(_rows[rows[k]], RowSpan(start, k)));
        return result;
    }

    /// <summary>Where a contiguous CPU tensor's values begin: its first row's bytes are a view of its memory (Tensor.bytes spans at most 2 GB, so not the whole).</summary>
    private static unsafe IntPtr Start(Tensor contiguous)
    {
        using var first = contiguous.narrow(0, 0, 1);
        return (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(first.bytes));
    }

    private unsafe Span<float> RowSpan(IntPtr start, int row) => new((float*)start + (long)row * RowLength, RowLength);

    /// <summary>One row's inputs into <paramref name="into"/> (RowLength long).</summary>
    public void Convert(byte[] row, Span<float> into)
    {
        Unnormalised(row, into);
        if (Mean is null || Std is null) return;
        for (var c = 0; c < _channels; c++)
        {
            var plane = into.Slice(c * _plane, _plane);
            for (var i = 0; i < plane.Length; i++) plane[i] = (plane[i] - Mean[c]) / Std[c];
        }
    }

    private void Unnormalised(byte[] row, Span<float> into)
    {
        if (_stored == 3 && _channels == 1)
        {
            for (var i = 0; i < _plane; i++)
            {
                float r = row[i] / 255f, g = row[_plane + i] / 255f, b = row[2 * _plane + i] / 255f;
                into[i] = Math.Min(1f, 0.2989f * r + 0.587f * g + 0.114f * b);
            }
            return;
        }
        for (var c = 0; c < _channels; c++)
        {
            var source = _stored == 1 ? 0 : c * _plane;
            for (var i = 0; i < _plane; i++) into[c * _plane + i] = row[source + i] / 255f;
        }
    }

    /// <summary>Mean and population std of each channel over every pixel of the training rows, in double (each row summed alone, then the rows in order, so the result is the same on any thread count).</summary>
    private (float[] Mean, float[] Std) ChannelStatistics(int[] trainRows)
    {
        var sums = new double[trainRows.Length, _channels];
        var squares = new double[trainRows.Length, _channels];
        var buffer = new ThreadLocal<float[]>(() => new float[RowLength]);
        Parallel.For(0, trainRows.Length, k =>
        {
            var values = buffer.Value!;
            Unnormalised(_rows[trainRows[k]], values);
            for (var c = 0; c < _channels; c++)
            for (var i = 0; i < _plane; i++) sums[k, c] += values[c * _plane + i];
        });
        var count = (double)trainRows.Length * _plane;
        var mean = new double[_channels];
        for (var c = 0; c < _channels; c++)
        {
            for (var k = 0; k < trainRows.Length; k++) mean[c] += sums[k, c];
            mean[c] /= count;
        }
        Parallel.For(0, trainRows.Length, k =>
        {
            var values = buffer.Value!;
            Unnormalised(_rows[trainRows[k]], values);
            for (var c = 0; c < _channels; c++)
            for (var i = 0; i < _plane; i++) { var d = values[c * _plane + i] - mean[c]; squares[k, c] += d * d; }
        });
        var std = new float[_channels];
        for (var c = 0; c < _channels; c++)
        {
            double total = 0;
            for (var k = 0; k < trainRows.Length; k++) total += squares[k, c];
            // A constant channel gets std 1, as the tabular Standardizer does for a constant feature.
            var sd = Math.Sqrt(total / count);
            std[c] = sd < 1e-12 ? 1f : (float)sd;
        }
        buffer.Dispose();
        return ([.. mean.Select(m => (float)m)], std);
    }
}
