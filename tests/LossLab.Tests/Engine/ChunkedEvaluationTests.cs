using LossLab.Abstractions;
using LossLab.Engine.Data;
using static TorchSharp.torch;

namespace LossLab.Tests.Engine;

/// <summary>
/// Image splits are scored from their bytes a chunk at a time (<see cref="EvaluationInputs"/>): cut into chunks, a
/// split gives the logits of one pass over the same images (in eval mode a row's logit does not depend on its
/// neighbours), in the split's order, whatever the chunk size; a split that fits in one chunk is one call, on the
/// inputs <see cref="PixelInputs"/> makes; and the chunk size follows from the input shape alone.
/// </summary>
public sealed class ChunkedEvaluationTests
{
    private const int Side = 10, Rows = 37;

    /// <summary>37 RGB 10×10 images of seeded bytes, normalised with ImageNet's statistics; rows 5..36 are the "split", in a scrambled order.</summary>
    private static (PixelInputs Pixels, int[] Rows) Images()
    {
        var random = new Random(7);
        var pixels = Enumerable.Range(0, Rows).Select(_ => { var b = new byte[3 * Side * Side]; random.NextBytes(b); return b; }).ToArray();
        var info = new DatasetInfo([3, Side, Side], [], ["n", "p"], "chunks") { Pixels = new PixelFormat(3, PixelNormalization.ImageNet) };
        var data = Dataset.FromPixels(pixels, [.. Enumerable.Range(0, Rows).Select(r => r % 2)], info);
        int[] rows = [.. Enumerable.Range(5, Rows - 5).OrderBy(r => (r * 17) % 31)];
        return (new PixelInputs(data, [0, 1, 2, 3, 4]), rows);
    }

    private static nn.Module<Tensor, Tensor> Model()
    {
        manual_seed(3);
        var model = nn.Sequential(
            nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 8 * 8, 1), nn.Flatten(0));
        // Running statistics away from their defaults, so eval mode is not the identity.
        model.train();
        using (no_grad()) model.call(randn(16, 3, Side, Side) * 2 + 1);
        model.eval();
        return model;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(31)]
    public void Chunked_scores_equal_one_pass_in_the_splits_order(int rowsPerChunk)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (pixels, rows) = Images();
        using var model = Model();
        var rowBytes = (long)pixels.RowLength * sizeof(float);
        using var whole = EvaluationInputs.Images(pixels, rows, [3, Side, Side], CPU);
        using var chunked = EvaluationInputs.Images(pixels, rows, [3, Side, Side], CPU, chunkBytes: rowsPerChunk * rowBytes + rowBytes - 1);
        Assert.True(whole.RowsPerChunk >= rows.Length, "the split fits in one default chunk");
        Assert.Equal(rowsPerChunk, chunked.RowsPerChunk);

        var once = model.call(pixels.ToTensor(rows, [3, Side, Side])).data<float>().ToArray();
        Assert.Equal(once, whole.Logits(model).data<float>().ToArray());
        var pieces = chunked.Logits(model).data<float>().ToArray();
        Assert.Equal(rows.Length, pieces.Length);
        for (var i = 0; i < rows.Length; i++)
            Assert.True(Math.Abs(pieces[i] - once[i]) <= 1e-5 * Math.Max(1, Math.Abs(once[i])), $"row {i}: chunks of {rowsPerChunk} {pieces[i]}, one pass {once[i]}");
        // Each row scored alone agrees too: the order of the split is kept.
        var alone = rows.Select(r => model.call(pixels.ToTensor([r], [3, Side, Side])).item<float>()).ToArray();
        for (var i = 0; i < rows.Length; i++) Assert.True(Math.Abs(alone[i] - pieces[i]) <= 1e-5 * Math.Max(1, Math.Abs(alone[i])), $"row {i}");
    }

    [Fact]
    public void The_chunk_size_follows_from_the_input_shape_alone()
    {
        var (pixels, rows) = Images();
        using var inputs = EvaluationInputs.Images(pixels, rows, [3, Side, Side], CPU);
        Assert.Equal((int)(EvaluationInputs.ChunkBytes / (3 * Side * Side * sizeof(float))), inputs.RowsPerChunk);
        Assert.Equal(rows.Length, inputs.Count);
        using var all = inputs.All();
        Assert.Equal([(long)rows.Length, 3, Side, Side], all.shape);
    }
}
