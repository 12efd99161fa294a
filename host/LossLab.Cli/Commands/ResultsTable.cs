using System.Globalization;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports;
using Spectre.Console;

namespace LossLab.Cli.Commands;

/// <summary>
/// What <c>losslab run</c> prints on stdout when it ends, in a terminal and piped alike: per loss the runs completed,
/// mean test ROC-AUC, AP, F1 at the first tuned objective and ECE, the verdict against the baseline and its warnings
/// (<see cref="ResultsOverview"/>, the numbers of summary.md), then where the files are.
/// </summary>
public static class ResultsTable
{
    /// <summary>Columns of the table when stdout is not a terminal.</summary>
    public const int PipedWidth = 240;

    /// <param name="console">The stdout console: draws the table in a terminal.</param>
    /// <param name="stdout">stdout itself, for lines that must not wrap (paths) and for the table when piped.</param>
    public static void Write(IAnsiConsole console, TextWriter stdout, ExperimentResults results, string output)
    {
        var overview = ResultsOverview.Of(results);
        // Piped, a Markdown table: plain text that reads in a log and pastes into a pull request. In a terminal, only
        // the verdict wraps, at word boundaries, so an 80-column terminal splits no name and no number.
        var table = new Table { Border = console.Profile.Capabilities.Ansi ? TableBorder.None : TableBorder.Markdown }
            .AddColumn(new TableColumn("loss").NoWrap()).AddColumn(new TableColumn("runs").RightAligned().NoWrap())
            .AddColumn(new TableColumn("ROC-AUC").RightAligned().NoWrap()).AddColumn(new TableColumn("AP").RightAligned().NoWrap())
            .AddColumn(new TableColumn(overview.Objective is { } o ? $"F1 @{Markup.Escape(o)}" : "F1 (no objective)").RightAligned().NoWrap())
            .AddColumn(new TableColumn("ECE").RightAligned().NoWrap())
            .AddColumn(new TableColumn($"vs {Markup.Escape(overview.Baseline)}"))
            .AddColumn(new TableColumn("warnings").RightAligned().NoWrap());
        if (console.Profile.Capabilities.Ansi)
            foreach (var column in table.Columns) column.Padding = new Padding(0, 0, 2, 0);
        foreach (var row in overview.Rows)
            table.AddRow(Markup.Escape(row.Loss), $"{row.CompletedRuns}/{row.Runs}", Mean(row.RocAuc), Mean(row.AveragePrecision),
                Mean(row.F1Tuned), Mean(row.Ece), Markup.Escape(row.AgainstBaseline), row.Warnings.ToString(CultureInfo.InvariantCulture));
        stdout.WriteLine($"{results.Name}: test split, mean over completed seeds");
        if (console.Profile.Capabilities.Ansi) console.Write(table);
        else foreach (var line in Plain(table)) stdout.WriteLine(line);

        var notes = new List<string>();
        if (overview.ExperimentWarnings > 0) notes.Add($"{overview.ExperimentWarnings} experiment-wide warning(s)");
        if (overview.GateFailures > 0) notes.Add($"{overview.GateFailures} gate result(s) failed");
        if (notes.Count > 0) stdout.WriteLine($"{string.Join("; ", notes)}: see summary.md.");
        WriteWhere(stdout, output);
    }

    /// <summary>
    /// A shard has no cross-run analysis (it waits for <c>losslab merge</c>): its runs one line each, with their test
    /// ROC-AUC and AP, then where the files are.
    /// </summary>
    public static void WriteShard(TextWriter stdout, ExperimentResults results, string output)
    {
        stdout.WriteLine($"{results.Name}, shard {results.Shard}: test split per run; the comparison of losses waits for `losslab merge`");
        foreach (var run in results.Runs)
            stdout.WriteLine(run.Test is { } test
                ? $"  {run.Loss} seed {run.Seed}: ROC-AUC {Number(test.RocAuc)}, AP {Number(test.AveragePrecision)}"
                : $"  {run.Loss} seed {run.Seed}: {run.Status.ToString().ToLowerInvariant()}");
        if (results.Runs.Count == 0) stdout.WriteLine("  (no runs: more shards than runs)");
        WriteWhere(stdout, output);
    }

    private static void WriteWhere(TextWriter stdout, string output)
    {
        var folder = Path.GetFullPath(output);
        stdout.WriteLine($"Results in {folder}: {string.Join(", ", Files(folder))}");
    }

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Markdown table as plain lines: wide enough that no row wraps (a file has no width; 80 columns would split
    /// the verdicts), without the blank border lines and trailing spaces Spectre pads a Markdown table with.
    /// </summary>
    private static IEnumerable<string> Plain(Table table)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PipedWidth;
        console.Write(table);
        return writer.ToString().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);
    }

    /// <summary>What the run folder holds, as written (the report first), folders with a trailing slash; no temporary files.</summary>
    private static IEnumerable<string> Files(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .OrderBy(f => f == "report.pdf" ? 0 : f == ResultsFolder.ResultsFile ? 1 : 2).ThenBy(f => f, StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(folder).Select(d => Path.GetFileName(d) + "/").Order(StringComparer.Ordinal);
        return files.Concat(folders);
    }

    /// <summary>The mean to three decimals, as summary.md writes it; "n/a" where no completed seed has the metric.</summary>
    public static string Mean(Statistic? statistic) =>
        statistic is { Count: > 0 } s && !double.IsNaN(s.Mean) ? s.Mean.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
