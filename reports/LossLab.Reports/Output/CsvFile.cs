using System.Globalization;
using CsvHelper;
using LossLab.Evaluation;

namespace LossLab.Reports.Output;

/// <summary>
/// The CSV convention of the files written for analysis elsewhere (metrics.csv, history.csv), as predictions.csv:
/// comma separated, RFC 4180 quoting where needed, UTF-8 without BOM, LF line ends, numbers in invariant culture
/// with "R" (they read back to the same double; NaN stays "NaN", an empty cell means "not computed").
/// </summary>
internal static class CsvFile
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = false,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes the header and rows to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        AtomicFile.Replace(path, temp =>
        {
            using var csv = CsvWriter.ToFile(temp, Options);
            csv.WriteHeader([.. header]);
            foreach (var row in rows) csv.WriteRecord([.. row]);
        });

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : "";

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
