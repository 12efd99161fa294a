using System.Globalization;
using CsvHelper;

namespace LossLab.Evaluation;

/// <summary>
/// Reads a comma-separated file with a header row through CsvHelper (RFC 4180: quoted fields, doubled quotes,
/// line breaks inside quotes), handing out fields by column and turning every problem into an
/// <see cref="InvalidInputException"/> that names the file, the data row (1-based, the header not counted),
/// its line in the file and the column.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvReader _csv;
    private readonly string[] _header;

    public string Source { get; }

    private CsvTable(string source, CsvReader csv, string[] header)
    {
        Source = source;
        _csv = csv;
        _header = header;
    }

    public static CsvTable Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new InvalidInputException($"{path}: is a folder, not a CSV file.");
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found.");
        CsvReader csv;
        try { csv = CsvReader.FromFile(path, ReaderOptions); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{path}: cannot be opened ({e.Message}).");
        }
        try
        {
            string[] header = [.. csv.Headers];
            if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
                throw new InvalidInputException($"{path}: empty file; a header row naming the columns is required.");
            return new CsvTable(path, csv, header);
        }
        catch (CsvFormatException e)
        {
            csv.Dispose();
            throw new InvalidInputException($"{path}: the header row cannot be read as CSV ({e.Message}).");
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>1-based data row of the current record (the header is not counted).</summary>
    public long Row => _csv.RowNumber;

    /// <summary>Index of a column by exact name, or an error listing the columns found.</summary>
    public int Column(string name, string role)
    {
        int index = Array.IndexOf(_header, name);
        // Two columns of one name (two score columns, say): which one is meant cannot be guessed.
        if (index >= 0 && Array.LastIndexOf(_header, name) != index)
            throw new InvalidInputException($"{Source}, header: the {role} column '{name}' appears more than once (columns {index + 1} and {Array.LastIndexOf(_header, name) + 1}); rename one.");
        if (index < 0)
            throw new InvalidInputException(
                $"{Source}: no {role} column '{name}'. Columns found: {string.Join(", ", _header.Select(h => $"'{h}'"))}."
                + (_header.Length == 1 && _header[0].IndexOfAny([';', '\t', '|']) >= 0 ? " The file must be comma-separated." : ""));
        return index;
    }

    public bool Read()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException e)
        {
            string where = e.LineNumber > 0 ? $"line {e.LineNumber}" : $"after data row {Row}";
            throw new InvalidInputException($"{Source}: {where} cannot be read as CSV ({e.Message}).");
        }
    }

    /// <summary>The field of the current row in column <paramref name="column"/>, trimmed.</summary>
    public string Field(int column)
    {
        if (column >= _csv.FieldCount)
            throw Error(column, $"the row has {_csv.FieldCount} field(s), none for this column");
        return _csv.GetString(column);
    }

    /// <summary>An error about the current row and column.</summary>
    public InvalidInputException Error(int column, string problem) =>
        new($"{Source}: data row {Row} (line {_csv.LineNumber}), column '{_header[column]}': {problem}.");

    /// <summary>0 or 1; also "0.0", "1.0" and other spellings of the numbers 0 and 1 ("1e0"), and true/false (any case).</summary>
    public int Label(int column)
    {
        string text = Field(column);
        if (text == "0") return 0;
        if (text == "1") return 1;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return 1;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return 0;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v is 0.0 or 1.0)
            return (int)v;
        throw Error(column, $"label '{text}' is not 0 or 1 (nor true or false)");
    }

    /// <summary>A finite number (invariant culture: '.' is the decimal separator).</summary>
    public double Number(int column, string what)
    {
        string text = Field(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw Error(column, $"{what} '{text}' is not a number");
        if (!double.IsFinite(v)) throw Error(column, $"{what} '{text}' is not finite");
        return v;
    }

    public int Integer(int column, string what)
    {
        string text = Field(column);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw Error(column, $"{what} '{text}' is not an integer");
    }

    public void Dispose() => _csv.Dispose();
}
