using System.Globalization;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>
/// Everything needed to rerun or audit the experiment. Failed, diverged and cancelled runs are listed
/// with their errors: a run that did not finish is never silently dropped.
/// </summary>
internal sealed class ReproducibilitySection(RunReportContext context) : IReportSection
{
    public string Title => "Reproducibility";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var results = context.Results;
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            column.Item().Subheading("Command line");
            column.Item().Text(string.IsNullOrWhiteSpace(results.CommandLine) ? "(not recorded)" : results.CommandLine, TextStyle.TableCell);

            column.Item().Subheading("Environment");
            var e = results.Environment;
            column.Item().KeyValues("Item", "Value",
            [
                ("OS", e.Os), (".NET", e.DotNet), ("TorchSharp", e.TorchSharp), ("libtorch", e.LibTorch), ("Device", e.Device),
                ("Threads", e.Threads.ToString(CultureInfo.InvariantCulture)), .. Execution(e.Execution), ("Machine", e.Machine), ("LossLab", e.LossLab),
                ("Report font", context.Fonts.Description),
            ]);

            column.Item().Subheading("Plugins");
            if (results.Plugins.Count == 0)
                column.Item().Paragraph("No plugins were recorded.");
            else
                column.Item().SimpleTable([("Kind", 0.7f), ("Name", 1f), ("Source", 2.2f), ("SHA-256", 2.6f)],
                    results.Plugins.Select(p => (IReadOnlyList<string>)[p.Kind, p.Name, p.Source, p.Sha256]));

            column.Item().Subheading("Runs");
            column.Item().SimpleTable([("Loss", 1.2f), ("Seed", 0.5f), ("Status", 0.9f), ("Epochs", 0.6f), ("Time (s)", 0.7f), ("init_hash", 1.6f), ("data_order_hash", 1.6f)],
                results.Runs.OrderBy(r => context.Losses.ToList().IndexOf(r.Loss)).ThenBy(r => r.Seed).Select(Row));

            var unfinished = results.Runs.Where(r => r.Status != RunStatus.Completed).ToList();
            column.Item().Subheading("Runs that did not complete");
            if (unfinished.Count == 0)
                column.Item().Paragraph("Every run completed.");
            else
                column.Item().SimpleTable([("Loss", 1f), ("Seed", 0.5f), ("Status", 0.8f), ("Error", 4.5f)],
                    unfinished.Select(r => (IReadOnlyList<string>)[r.Loss, Seed(r), Status(r), r.Error ?? "(no error message recorded)"]));

            column.Item().Subheading("Resolved experiment");
            column.Item().Note("The experiment as run: defaults filled in and --set overrides applied (results.json, \"experiment\").");
            column.Item().Text(results.Experiment.ToJson().ToJsonString(ResultsJson.Options), new TextStyle(7f));
        });
    }

    /// <summary>How the runs were spread over the machine (results before it was recorded have none).</summary>
    private static (string, string)[] Execution(ExecutionInfo? x) => x is null ? [] :
        [("Execution", $"{x.Parallel.ToString(CultureInfo.InvariantCulture)} run(s) at once, {x.Threads.ToString(CultureInfo.InvariantCulture)} thread(s), chosen by {x.ChosenBy}: {x.Reason}")];

    private static IReadOnlyList<string> Row(RunResult r) =>
        [r.Loss, Seed(r), Status(r), r.Epochs.Count.ToString(CultureInfo.InvariantCulture), r.DurationS.ToString("F1", CultureInfo.InvariantCulture), r.InitHash, r.DataOrderHash];

    private static string Seed(RunResult r) => r.Seed.ToString(CultureInfo.InvariantCulture);

    private static string Status(RunResult r) =>
        r.Status == RunStatus.Diverged && r.DivergedAtEpoch is { } epoch ? $"{r.Status} (epoch {epoch})" : r.Status;
}
