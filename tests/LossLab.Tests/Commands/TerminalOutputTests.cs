using System.Globalization;
using System.Text.RegularExpressions;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// Issue 19, terminal: results on stdout, logs on stderr as plain lines; the closing results table agrees with
/// results.json; --quiet leaves only the table; --verbose adds one line per epoch with its validation pass.
/// </summary>
public sealed partial class TerminalOutputTests
{
    private static readonly string[] Quick = ["--no-report", "--set", "seeds=[1,2]", "--set", "training.epochs=3", "--set", "bootstrap.resamples=50"];

    [Fact]
    public void Run_prints_the_results_table_on_stdout_and_plain_log_lines_on_stderr()
    {
        using var temp = new TempFolder();
        var run = LossLabProcess.Run(temp.Path, ["run", "--out", "out", .. Quick]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));

        // stderr: the log, as plain lines: no logger category, no event id, no escape sequence.
        // Which run starts first depends on how many train at once (--parallel auto): any of seed 1's.
        Assert.Matches(@"(^|\n)run 1/6: (bce|weighted-bce|focal-g2) seed 1\n", run.Error);
        Assert.DoesNotContain("info:", run.Error);
        Assert.DoesNotContain("LossLab.Cli", run.Error);
        Assert.DoesNotMatch(@"\[\d+\]", run.Error);
        Assert.DoesNotContain('\u001b', run.Error + run.Out);
        // The toy data's validation split has fewer than 10 positives: a warning, prefixed as compilers do.
        Assert.Contains("\nwarning: few_validation_positives: ", run.Error);
        // stdout: the table and where the files are, nothing of the log.
        Assert.DoesNotContain("run 1/6", run.Out);
        Assert.Contains($"Results in {temp.File("out")}: results.json", run.Out);

        var objective = results.ThresholdObjectives[0];
        var table = TableRows(run.Out);
        Assert.Equal(["loss", "runs", "ROC-AUC", "AP", $"F1 @{objective}", "ECE", $"vs {results.Bootstrap!.Baseline}", "warnings"], table[0]);
        var rows = table.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(results.Losses.Select(l => l.Name).Order(), rows.Keys.Order());
        foreach (var aggregate in results.Aggregates)
        {
            var row = rows[aggregate.Loss];
            Assert.Equal($"{aggregate.CompletedRuns}/{results.Runs.Count(r => r.Loss == aggregate.Loss)}", row[1]);
            Assert.Equal(F3(aggregate.Test["roc_auc"].Mean), row[2]);
            Assert.Equal(F3(aggregate.Test["average_precision"].Mean), row[3]);
            Assert.Equal(F3(aggregate.Thresholds[objective]["f1"].Mean), row[4]);
            Assert.Equal(F3(aggregate.Test["ece"].Mean), row[5]);
            // The verdict of summary.md's table, word for word.
            Assert.Matches($@"\| {Regex.Escape(aggregate.Loss)} \|.*\| {Regex.Escape(row[6])} \|", File.ReadAllText(temp.File("out/summary.md")));
            Assert.Equal(results.Warnings.Count(w => w.Loss == aggregate.Loss).ToString(CultureInfo.InvariantCulture), row[7]);
        }
        Assert.Equal("baseline", rows[results.Bootstrap.Baseline][6]);
    }

    [Fact]
    public void Quiet_prints_only_the_results_table()
    {
        using var temp = new TempFolder();
        var run = LossLabProcess.Run(temp.Path, ["run", "--out", "out", "--quiet", .. Quick]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("toy-99to1: test split", lines[0]);
        Assert.All(lines[1..^1], l => Assert.True(l.StartsWith('|') || l.EndsWith(": see summary.md.", StringComparison.Ordinal), l));
        Assert.Equal(2 + 3, lines.Count(l => l.StartsWith('|'))); // header, separator, one row per loss
        Assert.StartsWith("Results in ", lines[^1]);
    }

    [Fact]
    public void Verbose_adds_a_line_per_epoch_with_the_training_loss_and_validation_metrics()
    {
        using var temp = new TempFolder();
        var run = LossLabProcess.Run(temp.Path, ["run", "--out", "out", "--verbose", .. Quick]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        foreach (var r in results.Runs)
        foreach (var e in r.Epochs)
        {
            var line = $"  {r.Loss} seed {r.Seed} epoch {e.Epoch}/3: train loss {e.TrainLoss.ToString("G4", CultureInfo.InvariantCulture)}, " +
                $"validation loss {e.ValidationLoss.ToString("G4", CultureInfo.InvariantCulture)}, validation ROC-AUC {e.ValidationRocAuc.ToString("0.000", CultureInfo.InvariantCulture)}";
            Assert.Contains(line, run.Error);
        }
        Assert.Equal(results.Runs.Sum(r => r.Epochs.Count), run.Error.Split('\n').Count(l => EpochLine().IsMatch(l)));
        Assert.DoesNotContain("epoch 1/3", run.Out);
    }

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>The Markdown table of stdout: header then rows, cells trimmed, the separator row left out.</summary>
    private static List<string[]> TableRows(string stdout) =>
        [.. stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|') && !l.StartsWith("| -", StringComparison.Ordinal) && !l.StartsWith("|--", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())];

    [GeneratedRegex(@"^  \S+ seed \d+ epoch \d+/\d+: train loss")]
    private static partial Regex EpochLine();
}
