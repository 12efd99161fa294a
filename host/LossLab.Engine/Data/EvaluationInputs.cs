using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Data;

/// <summary>
/// The inputs of a split that is scored without gradients: validation after every epoch, validation and test after
/// training. A table's split is one tensor, made once. An image split stays bytes (<see cref="PixelInputs"/>) and
/// becomes float inputs one chunk of rows at a time, so no split is ever held whole as floats (20,000 RGB images at
/// 224×224 would need 5.4 GB of float inputs for validation and test, against 3.0 GB of bytes for the whole folder).
/// A chunk holds at most <see cref="ChunkBytes"/> of float inputs: a number of rows fixed by the input shape alone
/// (21,399 grey 28×28 images, 1,365 RGB 64×64, 111 RGB 224×224), so scores never depend on the machine; a split that
/// fits in one chunk is scored in one call, exactly as before this class existed.
/// </summary>
public sealed class EvaluationInputs : IDisposable
{
    /// <summary>Float input bytes per chunk: 64 MiB (the activations of a chunk are larger: about 5× for a ResNet's first block).</summary>
    public const long ChunkBytes = 64L << 20;

    private readonly Tensor? _whole;
    private readonly PixelInputs? _pixels;
    private readonly int[] _rows = [];
    private readonly int[] _shape = [];
    private readonly Device _device = CPU;

    /// <summary>Rows in the split.</summary>
    public int Count { get; }

    /// <summary>Rows converted and scored together; the whole split for tables.</summary>
    public int RowsPerChunk { get; }

    private EvaluationInputs(Tensor whole)
    {
        _whole = whole;
        Count = RowsPerChunk = (int)whole.shape[0];
    }

    private EvaluationInputs(PixelInputs pixels, int[] rows, int[] shape, Device device, long chunkBytes)
    {
        (_pixels, _rows, _shape, _device) = (pixels, rows, shape, device);
        Count = rows.Length;
        RowsPerChunk = (int)Math.Clamp(chunkBytes / ((long)pixels.RowLength * sizeof(float)), 1, int.MaxValue);
    }

    /// <summary>A table's split: the tensor is owned from here on (disposed with this object).</summary>
    public static EvaluationInputs Table(Tensor inputs) => new(inputs);

    /// <summary>An image split: <paramref name="rows"/> of the dataset, converted by <paramref name="pixels"/> into <paramref name="shape"/> per row.</summary>
    /// <param name="chunkBytes">Float input bytes per chunk; tests make it small to cut a small split into several.</param>
    public static EvaluationInputs Images(PixelInputs pixels, int[] rows, int[] shape, Device device, long chunkBytes = ChunkBytes) =>
        new(pixels, rows, shape, device, chunkBytes);

    /// <summary>
    /// The model's outputs for every row, in the split's order, as one tensor; call inside a dispose scope, with the
    /// model in the mode wanted and gradients off. The model must score each row on its own (eval mode), since rows
    /// of different chunks never meet.
    /// </summary>
    public Tensor Logits(nn.Module<Tensor, Tensor> model)
    {
        if (_whole is not null) return model.call(_whole);
        if (Count <= RowsPerChunk) return model.call(Chunk(0, Count));
        var parts = new List<Tensor>();
        for (var start = 0; start < Count; start += RowsPerChunk)
        {
            using var scope = NewDisposeScope();
            parts.Add(model.call(Chunk(start, Math.Min(RowsPerChunk, Count - start))).MoveToOuterDisposeScope());
        }
        return cat(parts, 0);
    }

    /// <summary>Every row's inputs as one tensor (a new handle; the caller disposes it): for tests that feed the split otherwise.</summary>
    public Tensor All() => _whole?.alias() ?? Chunk(0, Count);

    /// <summary>The table's tensor itself, or null for images.</summary>
    internal Tensor? Whole => _whole;

    private Tensor Chunk(int start, int count)
    {
        var cpu = _pixels!.ToTensor(new ArraySegment<int>(_rows, start, count), _shape);
        return _device.type == DeviceType.CPU ? cpu : cpu.to(_device);
    }

    public void Dispose() => _whole?.Dispose();
}
