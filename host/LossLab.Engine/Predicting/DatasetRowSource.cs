using LossLab.Abstractions;

namespace LossLab.Engine.Predicting;

/// <summary>
/// Rows from a dataset plugin (an image folder, a dataset spec JSON), loaded whole as the plugin returns them, with
/// their labels; ids are the plugin's row ids (an image's path relative to the folder), else 1-based row numbers (<see cref="Data.RowNumbers"/>), as <c>losslab run</c> writes them.
/// </summary>
public sealed class DatasetRowSource(Dataset data, string description, LossLab.Evaluation.Models.ImagePreprocessing? image = null) : IRowSource
{
    public int[] InputShape => data.Info.InputShape;
    public IReadOnlyList<string> FeatureNames => data.Info.FeatureNames;
    public bool HasLabels => true;
    public bool HasSplits => false;
    public string Description => description;

    public IEnumerable<RowBatch> Batches(int batchSize)
    {
        var width = data.RowLength;
        var pixels = Pixels();
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            float[] features;
            if (pixels is not null) features = pixels.Rows(Enumerable.Range(start, count).ToArray());
            else
            {
                features = new float[count * width];
                Array.Copy(data.Features, (long)start * width, features, 0, (long)count * width);
            }
            var ids = Enumerable.Range(start, count).Select(i => data.RowIds?[i] ?? Data.RowNumbers.Of(i)).ToArray();
            yield return new RowBatch(features, count, ids, data.Labels[start..(start + count)], null);
        }
    }

    /// <summary>
    /// Images are kept as bytes and converted as training converted them. 'dataset' normalisation divides by the
    /// training split's statistics, which a LossLab model folder carries; without them it is refused, not guessed.
    /// </summary>
    private Data.PixelInputs? Pixels()
    {
        if (data.Pixels is null) return null;
        if (data.Info.Pixels?.Normalization != PixelNormalization.Dataset) return new Data.PixelInputs(data, []);
        if (image is { Mean: { } mean, Std: { } std }) return Data.PixelInputs.WithStatistics(data, mean, std);
        throw new LossLab.Evaluation.InvalidInputException($"{description}: normalize 'dataset' divides by the training split's channel statistics, which only a LossLab model folder carries (model.json, image.mean and image.std); score with that folder, or use normalize 'none' or 'imagenet'.");
    }

    public void Dispose() { }
}
