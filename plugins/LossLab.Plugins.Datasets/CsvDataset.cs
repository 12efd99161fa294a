using LossLab.Abstractions;

namespace LossLab.Plugins.Datasets;

/// <summary>
/// A delimited text file with a header row (RFC 4180 quoting, parsed by CsvHelper): one label column and numeric
/// feature columns. Errors name the file, the column, the data row (1 = first row after the header) and its line.
/// </summary>
public sealed class CsvDataset : DatasetPlugin
{
    public override string Name => "csv";

    public override string Description => "A CSV file with a header row: one label column and numeric feature columns.";

    [Option("CSV file, relative to the experiment file.", Required = true)]
    public string Path { get; set; } = "";

    [Option("Header name of the label column.")]
    public string LabelColumn { get; set; } = "label";

    [Option("Label value meaning positive (as text, or as a number when both are numbers).")]
    public string PositiveLabel { get; set; } = "1";

    [Option("Label value meaning negative; empty means the one other value the column holds. A third value is an error.")]
    public string NegativeLabel { get; set; } = "";

    [Option("Comma-separated feature column names; empty means every other column whose first data row is numeric.")]
    public string FeatureColumns { get; set; } = "";

    [Option("Header name of a column identifying each row (kept out of the features, written as predictions.csv's id); empty means ids are the 1-based data row numbers.")]
    public string IdColumn { get; set; } = "";

    [Option("Field delimiter: one ASCII character such as \",\" or \";\", or \"\\t\" for tab.")]
    public string Delimiter { get; set; } = ",";

    private char Separator => Delimiter == "\\t" ? '\t' : Delimiter.Length == 1 ? Delimiter[0] : '\0';

    public override IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) yield return "path is required: the CSV file to read.";
        if (!char.IsAscii(Separator) || Separator is '\0' or '"' or '\r' or '\n')
            yield return $"delimiter must be one ASCII character other than a quote or a line break, or \"\\t\" for tab; got '{Delimiter}'.";
        if (string.IsNullOrWhiteSpace(LabelColumn)) yield return "label_column must not be empty.";
    }

    public override Dataset Load(DatasetContext context)
    {
        var file = context.ResolvePath(Path);
        if (!File.Exists(file)) throw new PluginInputException($"CSV file not found: {file}");
        using var table = new CsvTable(file, Separator);
        var label = table.Column(LabelColumn);
        var id = string.IsNullOrWhiteSpace(IdColumn) ? -1 : table.Column(IdColumn);
        if (id == label) throw new PluginInputException($"{file}: id_column and label_column are the same column '{LabelColumn}'.");
        var (features, dropped) = SelectFeatures(table, label, id, context);
        var ids = id < 0 ? null : new RowIds(file, IdColumn.Trim());

        var values = new List<float>();
        var labels = new List<int>();
        var negativeNames = new SortedSet<string>(StringComparer.Ordinal);
        while (table.ReadRow())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var labelText = table.Cell(label);
            if (labelText.Length == 0) throw table.Error(label, "is empty: every row needs a label");
            var positive = IsPositive(labelText);
            labels.Add(positive ? 1 : 0);
            // Two classes only: a third value (a label 2, a typo) is an error, never silently a negative.
            if (!positive && !negativeNames.Any(n => SameLabel(n, labelText)))
            {
                if (NegativeLabel.Trim().Length > 0 && !SameLabel(NegativeLabel.Trim(), labelText))
                    throw table.Error(label, $"holds the label '{labelText}', which is neither positive_label '{PositiveLabel}' nor negative_label '{NegativeLabel}'");
                if (negativeNames.Count == 1)
                    throw table.Error(label, $"holds a third label '{labelText}' besides positive_label '{PositiveLabel}' and '{negativeNames.Min}'; a binary classifier needs exactly two (map the others, or set positive_label and negative_label)");
                negativeNames.Add(labelText);
            }
            foreach (var column in features) values.Add(table.Number(column));
            ids?.Add(table, id);
        }
        if (labels.Count == 0) throw new PluginInputException($"{file}: no data rows after the header.");
        var positives = labels.Sum();
        if (positives == 0 || positives == labels.Count)
            throw new PluginInputException(
                $"{file}, column '{LabelColumn}': every one of the {labels.Count} data rows is {(positives == 0 ? "negative" : "positive")} (positive_label '{PositiveLabel}'); two classes are needed.");

        var negativeName = negativeNames.Count == 1 ? negativeNames.Min! : $"not {PositiveLabel}";
        var info = new DatasetInfo([features.Length], [.. features.Select(c => table.Header[c])], [negativeName, PositiveLabel], file) { DroppedColumns = dropped };
        return new Dataset([.. values], [.. labels], info) { RowIds = ids?.Values };
    }

    /// <returns>The feature columns, and the text columns left out of them (by name).</returns>
    private (int[] Features, List<string> Dropped) SelectFeatures(CsvTable table, int label, int id, DatasetContext context)
    {
        if (!string.IsNullOrWhiteSpace(FeatureColumns))
        {
            var named = FeatureColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(table.Column).ToArray();
            if (named.Contains(label)) throw new PluginInputException($"{table.File}: feature_columns includes the label column '{LabelColumn}'.");
            if (id >= 0 && named.Contains(id)) throw new PluginInputException($"{table.File}: feature_columns includes the id column '{IdColumn}'.");
            return (named, []);
        }
        // Default: every other column, minus those whose first data row holds text (ids, categories). An empty
        // first cell keeps the column, so a missing value is reported rather than the column silently dropped.
        if (!table.PeekRow()) return ([], []);
        var all = Enumerable.Range(0, table.Header.Count).Where(c => c != label && c != id).ToArray();
        var text = all.Where(c => table.Cell(c) is { Length: > 0 } cell && !CsvTable.TryParse(cell, out _)).ToArray();
        if (text.Length > 0) context.Warn($"{table.File}: ignoring non-numeric columns {string.Join(", ", text.Select(c => $"'{table.Header[c]}'"))}.");
        var numeric = all.Except(text).ToArray();
        if (numeric.Length == 0) throw new PluginInputException($"{table.File}: no numeric feature column besides the label column '{LabelColumn}'.");
        return (numeric, [.. text.Select(c => table.Header[c])]);
    }

    private bool IsPositive(string label) => SameLabel(PositiveLabel.Trim(), label);

    /// <summary>Equal as text, or as numbers when both are numbers ("1" and "1.0").</summary>
    private static bool SameLabel(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (CsvTable.TryParse(a, out var x) && CsvTable.TryParse(b, out var y) && x == y);
}
