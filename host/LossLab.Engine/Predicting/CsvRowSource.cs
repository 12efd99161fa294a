using System.Globalization;
using LossLab.Evaluation;

namespace LossLab.Engine.Predicting;

/// <summary>
/// A CSV file streamed in batches (CsvHelper through <see cref="CsvTable"/>): features are the columns the model
/// names, else <c>--features</c>, else every column other than the label, id and split columns whose first data
/// row is numeric, in file order. Ids are the id column's values, else the 1-based data row number (as <c>losslab run</c>'s predictions.csv numbers them).
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    private readonly CsvTable _table;
    private readonly int[] _features;
    private readonly int _label, _id, _split;
    private bool _started;

    public int[] InputShape { get; }
    public IReadOnlyList<string> FeatureNames { get; }
    public bool HasLabels => _label >= 0;
    public bool HasSplits => _split >= 0;
    public string Description { get; }

    /// <param name="labelColumn">The label column; when it is not in the file and <paramref name="labelRequired"/>
    /// is false, the rows are unlabelled.</param>
    /// <param name="splitColumn">Null: the column "split" when present.</param>
    /// <param name="modelFeatures">Names the model was trained on, taken by name; null when the model does not name them.</param>
    /// <param name="chosenFeatures">--features; null for the default choice.</param>
    public CsvRowSource(string path, string labelColumn, bool labelRequired, string? idColumn, string? splitColumn,
        IReadOnlyList<string>? modelFeatures, IReadOnlyList<string>? chosenFeatures)
    {
        _table = CsvTable.Open(path);
        try
        {
            var header = _table.Header;
            _label = labelRequired || header.Contains(labelColumn) ? _table.Column(labelColumn, "label") : -1;
            _id = idColumn is null ? -1 : _table.Column(idColumn, "id");
            _split = splitColumn is not null ? _table.Column(splitColumn, "split") : header.ToList().IndexOf("split");
            int[] reserved = [_label, _id, _split];
            if (modelFeatures is not null)
                _features = [.. modelFeatures.Select(name => header.Contains(name) ? _table.Column(name, "feature")
                    : throw new InvalidInputException($"{path}: no column '{name}', a feature the model needs (it takes {string.Join(", ", modelFeatures)}). Columns found: {string.Join(", ", header)}."))];
            else if (chosenFeatures is not null)
                _features = [.. chosenFeatures.Select(name => _table.Column(name, "--features"))];
            else
                _features = NumericColumns(reserved);
            var clash = _features.FirstOrDefault(f => f >= 0 && reserved.Contains(f), -1);
            if (clash >= 0) throw new InvalidInputException($"{path}: column '{header[clash]}' cannot be both a feature and the label, id or split column.");
            if (_features.Length == 0) throw new InvalidInputException($"{path}: no numeric feature columns (columns found: {string.Join(", ", header)}).");
            InputShape = [_features.Length];
            FeatureNames = [.. _features.Select(f => header[f])];
            Description = $"{path} (features {string.Join(", ", FeatureNames)})";
        }
        catch
        {
            _table.Dispose();
            throw;
        }
    }

    /// <summary>The columns, besides the reserved ones, whose first data row holds a number (reads that row).</summary>
    private int[] NumericColumns(int[] reserved)
    {
        _started = _table.Read();
        return [.. Enumerable.Range(0, _table.Header.Count).Where(c => !reserved.Contains(c)
            && (!_started || double.TryParse(_table.Field(c), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))];
    }

    public IEnumerable<RowBatch> Batches(int batchSize)
    {
        var width = _features.Length;
        long row = 0;
        var more = _started || _table.Read();
        while (more)
        {
            var features = new float[batchSize * width];
            var ids = new string[batchSize];
            var labels = HasLabels ? new int[batchSize] : null;
            var splits = HasSplits ? new string[batchSize] : null;
            var count = 0;
            for (; count < batchSize && more; count++, row++)
            {
                for (var j = 0; j < width; j++) features[count * width + j] = (float)_table.Number(_features[j], "feature");
                ids[count] = _id >= 0 ? _table.Field(_id) : (row + 1).ToString(CultureInfo.InvariantCulture);
                if (labels is not null) labels[count] = _table.Label(_label);
                if (splits is not null) splits[count] = _table.Field(_split);
                more = _table.Read();
            }
            yield return new RowBatch(features, count, ids, labels, splits);
        }
    }

    public void Dispose() => _table.Dispose();
}
