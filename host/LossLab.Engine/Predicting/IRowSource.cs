namespace LossLab.Engine.Predicting;

/// <summary>Rows to score, read in batches so that a large file never has to fit in memory.</summary>
public interface IRowSource : IDisposable
{
    /// <summary>Shape of one example, as the model receives it.</summary>
    int[] InputShape { get; }
    /// <summary>Feature names in input order (tables); empty for images.</summary>
    IReadOnlyList<string> FeatureNames { get; }
    bool HasLabels { get; }
    bool HasSplits { get; }
    /// <summary>What the rows are, for messages and the review ("data.csv, columns a, b, c").</summary>
    string Description { get; }
    IEnumerable<RowBatch> Batches(int batchSize);
}
