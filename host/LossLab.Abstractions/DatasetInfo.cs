namespace LossLab.Abstractions;

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

    /// <summary>For images kept as bytes (<see cref="Dataset.FromPixels"/>): how the host makes them inputs.</summary>
    public PixelFormat? Pixels { get; init; }

    /// <summary>Inputs the plugin left out (an unreadable image, say), each with why; they reach results.json and the report.</summary>
    public IReadOnlyList<SkippedInput> SkippedInputs { get; init; } = [];
}

/// <summary>An input file (or row) a dataset plugin could not use.</summary>
public sealed record SkippedInput(string Path, string Reason);
