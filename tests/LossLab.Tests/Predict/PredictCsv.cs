using CsvHelper;

namespace LossLab.Tests.Predict;

/// <summary>A small CSV read whole into header and rows keyed by column, for checking predict's output.</summary>
internal static class PredictCsv
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { HasHeader = true });
        string[] header = [.. csv.Headers];
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v));
        return (header, rows);
    }
}
