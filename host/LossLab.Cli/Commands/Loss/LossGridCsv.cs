using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace LossLab.Cli.Commands.Loss;

/// <summary>Reads the logit,target grid of <c>loss eval</c> and writes logit,target,loss,grad.</summary>
public static class LossGridCsv
{
    public static (double[] Logits, double[] Targets) Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--input {path}: file not found");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader()) throw new UsageException($"{path}: empty file; expected a header row 'logit,target'");
        var header = csv.HeaderRecord ?? [];
        foreach (var column in new[] { "logit", "target" })
            if (!header.Contains(column)) throw new UsageException($"{path}: missing column '{column}' (found: {string.Join(", ", header)})");

        List<double> logits = [], targets = [];
        while (csv.Read())
        {
            var row = csv.Parser.Row; // the file line, header being line 1
            var logit = Number(csv, path, row, "logit");
            var target = Number(csv, path, row, "target");
            if (target is not (0 or 1)) throw new UsageException($"{path}: line {row}, column 'target': {target} is not 0 or 1");
            logits.Add(logit);
            targets.Add(target);
        }
        if (logits.Count == 0) throw new UsageException($"{path}: no data rows");
        return ([.. logits], [.. targets]);
    }

    private static double Number(CsvReader csv, string path, int row, string column)
    {
        var text = csv.GetField(column);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        throw new UsageException($"{path}: line {row}, column '{column}': '{text}' is not a finite number");
    }

    public static void Write(string path, double[] logits, double[] targets, double[] loss, double[] grad)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "logit", "target", "loss", "grad" }) csv.WriteField(h);
        csv.NextRecord();
        for (var i = 0; i < logits.Length; i++)
        {
            csv.WriteField(logits[i].ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(targets[i].ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(loss[i].ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(grad[i].ToString("R", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
