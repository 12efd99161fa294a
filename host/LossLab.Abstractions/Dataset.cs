namespace LossLab.Abstractions;

/// <summary>
/// Examples as one flat row-major array: row i occupies Features[i*RowLength .. (i+1)*RowLength), RowLength being
/// the product of <see cref="DatasetInfo.InputShape"/>. Labels are 0 or 1.
/// </summary>
public sealed record Dataset(float[] Features, int[] Labels, DatasetInfo Info)
{
    public int Count => Labels.Length;

    public int RowLength => Info.RowLength;

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

/// <param name="InputShape">Shape of one example: [features] for tables, [channels, height, width] for images.</param>
/// <param name="FeatureNames">One name per feature for tables; empty for images.</param>
/// <param name="ClassNames">Names of label 0 and label 1, e.g. ["NORMAL", "PNEUMONIA"].</param>
/// <param name="Source">Where the data came from (file, folder, generator), for the report.</param>
public sealed record DatasetInfo(int[] InputShape, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> ClassNames, string Source)
{
    public int RowLength => InputShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Columns of a table the plugin left out of the features (text columns), for results.json and the report.</summary>
    public IReadOnlyList<string> DroppedColumns { get; init; } = [];

    /// <summary>Tabular data (rank-1 input) is standardised by the host; images are not.</summary>
    public bool IsTabular => InputShape.Length == 1;
}
