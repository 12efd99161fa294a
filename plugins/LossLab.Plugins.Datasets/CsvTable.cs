using System.Globalization;
using CsvHelper;
using LossLab.Abstractions;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// A <see cref="CsvReader"/> (RFC 4180, malformed quoting rejected) with header lookup, trimmed cells, numbers and
/// errors that name the file, the data row (1 = the first row after the header), its line and the column.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvReader _reader;
    private bool _peeked;

    public CsvTable(string file, char separator)
    {
        File = file;
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        _reader = CsvReader.FromFile(file, options);
        Header = [.. Guard(() => _reader.Headers).Select(h => h.Trim())];
        if (Header.Count == 0) throw new PluginInputException($"{file}: the file is empty; a header row is required.");
        var duplicate = Header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PluginInputException($"{file}, header: column '{duplicate.Key}' appears more than once.");
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public int Column(string name)
    {
        var index = Header.ToList().IndexOf(name.Trim());
        return index >= 0 ? index : throw new PluginInputException(
            $"{File}: no column '{name}' in the header; columns are {string.Join(", ", Header.Select(h => $"'{h}'"))}.");
    }

    /// <summary>Reads the first data row ahead, so that the next <see cref="ReadRow"/> stays on it.</summary>
    public bool PeekRow() => _peeked = ReadRow();

    public bool ReadRow()
    {
        if (_peeked)
        {
            _peeked = false;
            return true;
        }
        if (!Guard(_reader.Read)) return false;
        if (_reader.FieldCount != Header.Count)
            throw new PluginInputException($"{Where}: {_reader.FieldCount} fields where the header has {Header.Count}.");
        return true;
    }

    public string Cell(int column) => _reader.GetString(column).Trim();

    public float Number(int column)
    {
        var cell = Cell(column);
        if (cell.Length == 0) throw Error(column, "is empty");
        if (!TryParse(cell, out var value)) throw Error(column, $"is not a finite number: '{cell}'");
        return (float)value;
    }

    public PluginInputException Error(int column, string problem) => new($"{Where}, column '{Header[column]}': the cell {problem}.");

    /// <summary>Invariant-culture number that is finite also as float32.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite((float)value);

    public void Dispose() => _reader.Dispose();

    private string Where => $"{File}, data row {_reader.RowNumber} (file line {_reader.LineNumber})";

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw new PluginInputException($"{File}, file line {e.LineNumber}: malformed CSV: {e.Message}", e);
        }
    }
}
