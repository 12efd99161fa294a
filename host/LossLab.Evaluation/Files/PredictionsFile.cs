using System.Globalization;
using CsvHelper;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// predictions.csv, written by <c>losslab run</c> and read by <c>losslab report</c>: columns
/// <c>split,seed,loss,id,label,score</c> (id: the dataset's row id, see <see cref="Prediction.Id"/>), invariant culture, UTF-8 without BOM, LF line ends, scores written with "R" so that
/// reading gives back the same doubles.
/// </summary>
public static class PredictionsFile
{
    public static readonly IReadOnlyList<string> Columns = ["split", "seed", "loss", "id", "label", "score"];

    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = false,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Writes the rows atomically: to a temporary file in the same folder, then renamed over
    /// <paramref name="path"/>, so a reader never sees half a file. Creates the folder if needed.
    /// </summary>
    /// <exception cref="ArgumentException">A row with an empty split or loss, a label other than 0/1, or a
    /// score that is not finite.</exception>
    public static void Write(string path, IEnumerable<Prediction> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Replace(path, temp =>
        {
            using var csv = CsvWriter.ToFile(temp, WriterOptions);
            csv.WriteHeader([.. Columns]);
            WriteRows(csv, rows);
        });
    }

    /// <summary>
    /// The file's lines for <paramref name="rows"/> (no header), UTF-8, exactly as <see cref="Write(string, IEnumerable{Prediction})"/>
    /// writes them: a writer that saves the same rows again and again (the run ledger, after every run) formats
    /// each run's rows once and writes them with <see cref="Write(string, IEnumerable{byte[]})"/>.
    /// </summary>
    public static byte[] Format(IEnumerable<Prediction> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true))
            WriteRows(csv, rows);
        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>Writes the header and then <paramref name="formatted"/> (from <see cref="Format"/>) in order, atomically.</summary>
    public static void Write(string path, IEnumerable<byte[]> formatted)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(formatted);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Header);
            foreach (var lines in formatted) stream.Write(lines);
        });
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly byte[] Header = HeaderBytes();

    private static byte[] HeaderBytes()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true))
            csv.WriteHeader([.. Columns]);
        return Utf8.GetBytes(text.ToString());
    }

    private static void WriteRows(CsvWriter csv, IEnumerable<Prediction> rows)
    {
        int index = 0;
        foreach (var row in rows)
        {
            Check(row, index++);
            csv.WriteRecord(
            [
                row.Split,
                row.Seed.ToString(CultureInfo.InvariantCulture),
                row.Loss,
                row.Id,
                row.Label.ToString(CultureInfo.InvariantCulture),
                row.Score.ToString("R", CultureInfo.InvariantCulture),
            ]);
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/> (columns in any order, extra columns ignored; without an
    /// id column, as written before ids were recorded, every <see cref="Prediction.Id"/> is "").</summary>
    /// <exception cref="InvalidInputException">Missing file or column, or a bad value (message names the file,
    /// the data row and the column).</exception>
    public static List<Prediction> Read(string path)
    {
        using var table = CsvTable.Open(path);
        int split = table.Column("split", "split"), seed = table.Column("seed", "seed"),
            loss = table.Column("loss", "loss"), label = table.Column("label", "label"),
            score = table.Column("score", "score");
        int id = table.Header.ToList().IndexOf("id");
        var rows = new List<Prediction>();
        while (table.Read())
        {
            string splitName = table.Field(split);
            if (splitName.Length == 0) throw table.Error(split, "empty split name");
            string lossName = table.Field(loss);
            if (lossName.Length == 0) throw table.Error(loss, "empty loss name");
            rows.Add(new Prediction(
                splitName, table.Integer(seed, "seed"), lossName, table.Label(label), table.Number(score, "score"),
                id < 0 ? "" : table.Field(id)));
        }
        return rows;
    }

    private static void Check(Prediction row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(row.Split) || string.IsNullOrEmpty(row.Loss))
            throw new ArgumentException($"Prediction {index} has an empty split or loss name.", nameof(row));
        if (row.Label is not (0 or 1))
            throw new ArgumentException($"Prediction {index} has label {row.Label}; labels must be 0 or 1.", nameof(row));
        if (!double.IsFinite(row.Score))
            throw new ArgumentException($"Prediction {index} has score {row.Score}; scores must be finite.", nameof(row));
    }
}
