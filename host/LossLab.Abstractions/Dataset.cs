namespace LossLab.Abstractions;

/// <summary>
/// Examples as one flat row-major array: row i occupies Features[i*RowLength .. (i+1)*RowLength), RowLength being
/// the product of <see cref="DatasetInfo.InputShape"/>. Labels are 0 or 1. Images may instead be kept as bytes
/// (<see cref="FromPixels"/>): Features is then empty and the host turns pixels into inputs batch by batch.
/// </summary>
public sealed record Dataset(float[] Features, int[] Labels, DatasetInfo Info)
{
    /// <summary>
    /// Images as bytes, one array per row (StoredRowLength long), laid out [stored channels, height, width] as
    /// <see cref="DatasetInfo.Pixels"/> says; null when the data is in <see cref="Features"/>. A quarter of the
    /// memory of float32: 20,000 RGB images of 224×224 take 3 GB instead of 12 GB. One array per image, since
    /// one .NET array holds at most 2^31 bytes, and subsets share the rows instead of copying them.
    /// </summary>
    public byte[][]? Pixels { get; init; }

    /// <summary>Images kept as bytes; <paramref name="info"/> must carry a <see cref="PixelFormat"/>.</summary>
    public static Dataset FromPixels(byte[][] pixels, int[] labels, DatasetInfo info)
    {
        if (info.Pixels is null) throw new ArgumentException("DatasetInfo.Pixels must say how the bytes become inputs.", nameof(info));
        return new Dataset([], labels, info) { Pixels = pixels };
    }

    public int Count => Labels.Length;

    public int RowLength => Info.RowLength;

    /// <summary>
    /// Optional: one identifier per row (an image's path relative to its folder, a CSV's id column), written as the
    /// <c>id</c> column of predictions.csv (<c>losslab run</c> and <c>losslab predict</c>) so that scores join back to
    /// the data; null: the host numbers the rows 1, 2, … in the order the plugin returned them. Subsets (the
    /// imbalance stage, the splits) keep each row's id.
    /// </summary>
    public IReadOnlyList<string>? RowIds { get; init; }

    /// <summary>Values one row holds in storage: bytes per image for pixels, floats per row otherwise.</summary>
    public int StoredRowLength => Info.Pixels is { } format ? format.StoredRowLength(Info.InputShape) : RowLength;

    public ClassCounts Counts
    {
        get
        {
            long positives = 0;
            foreach (var y in Labels) positives += y;
            return new ClassCounts(Labels.Length - positives, positives);
        }
    }
}
