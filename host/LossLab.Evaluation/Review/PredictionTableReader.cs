namespace LossLab.Evaluation;

/// <summary>Reads the CSV file given to <c>losslab review</c>.</summary>
public static class PredictionTableReader
{
    public const string Validation = "validation";
    public const string Test = "test";

    /// <summary>
    /// Reads a CSV file with a header row (comma separated, quoted fields allowed, extra columns ignored).
    /// Labels must be 0 or 1, written as integers or as any number equal to 0 or 1 ("0.0", "1.0"); scores
    /// numbers in [0, 1] ('.' decimal separator); split values "validation" or "test" (case and surrounding
    /// spaces ignored). Both classes must be present, and with a split column, both splits, each with both
    /// classes (thresholds are tuned on validation and judged on test).
    /// </summary>
    /// <exception cref="InvalidInputException">Missing file; missing column (the message lists the columns
    /// found); a bad label, score or split value (the message names the file, the data row counted from 1
    /// after the header, its line in the file, and the column); no data rows; a single class; a split with
    /// no rows or a single class.</exception>
    /// <param name="where">Keep only rows whose column equals the value (surrounding spaces ignored), e.g.
    /// (loss, focal) and (seed, 1) to review one run of LossLab's own predictions.csv.</param>
    /// <param name="findSplitColumn">With no <paramref name="splitColumn"/>, use a column named "split" when there is one.</param>
    /// <param name="scoreKind">Logits are turned into probabilities by σ; probabilities must lie in [0, 1].</param>
    /// <exception cref="InvalidInputException">Also: a LossLab predictions.csv (columns loss and seed) whose kept
    /// rows come from more than one model; the message lists the --where choices.</exception>
    public static PredictionTable Read(
        string path, string labelColumn = "label", string scoreColumn = "score", string? splitColumn = null,
        IReadOnlyList<(string Column, string Value)>? where = null, bool findSplitColumn = false, ScoreKind scoreKind = ScoreKind.Probability)
    {
        ArgumentNullException.ThrowIfNull(labelColumn);
        ArgumentNullException.ThrowIfNull(scoreColumn);
        using var table = CsvTable.Open(path);
        int label = table.Column(labelColumn, "label");
        int score = table.Column(scoreColumn, "score");
        bool found = splitColumn is null && findSplitColumn && table.Header.Contains("split");
        if (found) splitColumn = "split";
        int split = splitColumn is null ? -1 : table.Column(splitColumn, "split");

        var filters = (where ?? []).Select(w => (Index: table.Column(w.Column, "--where"), w.Value)).ToList();
        // LossLab's own predictions.csv holds one model per (loss, seed): pooling them would judge no model at all.
        int lossColumn = IndexOf(table, "loss"), seedColumn = IndexOf(table, "seed");
        var models = lossColumn >= 0 && seedColumn >= 0 ? new SortedSet<(string, string)>() : null;

        var labels = new List<int>();
        var scores = new List<double>();
        var splits = split < 0 ? null : new List<string>();
        using var hash = new RowsHash();
        while (table.Read())
        {
            if (filters.Any(f => table.Field(f.Index).Trim() != f.Value)) continue;
            int y = table.Label(label);
            labels.Add(y);
            double s = table.Number(score, scoreKind == ScoreKind.Logit ? "logit" : "score");
            if (scoreKind == ScoreKind.Logit) s = Logistic.Sigmoid(s);
            else if (s < 0 || s > 1) throw table.Error(score, $"score {table.Field(score)} is outside [0, 1] (for logits, pass --score-kind logit)");
            scores.Add(s);
            string? name = splits is null ? null : SplitName(table, split);
            if (name is not null) splits!.Add(name);
            hash.Add(y, s, name);
            models?.Add((table.Field(lossColumn), table.Field(seedColumn)));
        }
        if (models is { Count: > 1 })
            throw new InvalidInputException(
                $"{path}: the rows hold the scores of {models.Count} models (columns 'loss' and 'seed'); pick one with --where, e.g. "
                + string.Join("; ", models.Select(m => $"--where loss={m.Item1} --where seed={m.Item2}")) + ".");

        if (labels.Count == 0)
            throw new InvalidInputException(filters.Count == 0 ? $"{path}: no data rows after the header."
                : $"{path}: no data rows where {string.Join(" and ", where!.Select(w => $"{w.Column} = '{w.Value}'"))}.");
        RequireBothClasses(path, labelColumn, labels, "");
        if (splits is not null)
            foreach (string name in (string[])[Validation, Test])
            {
                var rows = labels.Where((_, i) => splits[i] == name).ToList();
                if (rows.Count == 0)
                    throw new InvalidInputException(
                        $"{path}: column '{splitColumn}' has no '{name}' rows; both 'validation' and 'test' rows are needed.");
                RequireBothClasses(path, labelColumn, rows, $" of the '{name}' rows");
            }
        return new PredictionTable(path, [.. labels], [.. scores], splits?.ToArray())
        {
            Filters = [.. (where ?? []).Select(w => $"{w.Column}={w.Value}")], RowsSha256 = hash.Finish(),
            SplitColumn = splitColumn, SplitColumnFound = found, ScoreKind = scoreKind,
        };
    }

    private static int IndexOf(CsvTable table, string column) => table.Header.ToList().IndexOf(column);

    private static string SplitName(CsvTable table, int column)
    {
        string text = table.Field(column);
        string name = text.Trim().ToLowerInvariant();
        return name is Validation or Test
            ? name
            : throw table.Error(column, $"split '{text}' is neither 'validation' nor 'test'");
    }

    private static void RequireBothClasses(string path, string labelColumn, List<int> labels, string which)
    {
        int positives = labels.Sum();
        if (positives == 0 || positives == labels.Count)
            throw new InvalidInputException(
                $"{path}: column '{labelColumn}'{which} holds only {(positives == 0 ? "0s" : "1s")} ({labels.Count} rows); "
                + "both classes are needed.");
    }
}
