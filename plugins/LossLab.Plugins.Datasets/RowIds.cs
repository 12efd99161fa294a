namespace LossLab.Plugins.Datasets;

/// <summary>
/// The id column's values, one per data row: each must be non-empty and unique, since predictions.csv rows are
/// joined back to the data by them; the error names the file, the column and both rows of a duplicate.
/// </summary>
internal sealed class RowIds(string file, string column)
{
    private readonly Dictionary<string, int> _rowOf = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public IReadOnlyList<string> Values => _values;

    public void Add(CsvTable table, int index)
    {
        var value = table.Cell(index);
        if (value.Length == 0) throw table.Error(index, "is empty: id_column needs an id on every row");
        var row = _values.Count + 1;
        if (!_rowOf.TryAdd(value, row))
            throw new LossLab.Abstractions.PluginInputException(
                $"{file}, column '{column}' (id_column): the id '{value}' is on data rows {_rowOf[value]} and {row}; ids must be unique to join predictions back to the data.");
        _values.Add(value);
    }
}
