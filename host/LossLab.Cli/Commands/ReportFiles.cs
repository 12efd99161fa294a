using LossLab.Evaluation.Results;
using LossLab.Reports;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands;

/// <summary>The human-readable outputs of a run, written by <c>run</c> and re-written by <c>report</c>.</summary>
public static class ReportFiles
{
    /// <summary>
    /// summary.md, metrics.csv and history.csv beside <paramref name="pdfPath"/>, and the PDF itself unless <paramref name="pdf"/>
    /// is false; a warning on <paramref name="logger"/> if the PDF had to print characters as '?'.
    /// </summary>
    /// <param name="resultsFolder">The folder of results.json: summary.md and metrics.csv go there instead when the
    /// PDF's folder holds another experiment's files (its results.json, or a summary.md/metrics.csv without one).</param>
    /// <returns>The folder summary.md and metrics.csv were written to.</returns>
    public static string Write(ExperimentResults results, IReadOnlyList<Prediction> predictions, string pdfPath, ILogger logger, bool pdf = true, string? resultsFolder = null)
    {
        var folder = CompanionFolder(results, Path.GetDirectoryName(Path.GetFullPath(pdfPath))!, resultsFolder);
        SummaryMarkdown.Write(results, Path.Combine(folder, "summary.md"));
        MetricsCsv.Write(results, Path.Combine(folder, "metrics.csv"));
        HistoryCsv.Write(results, Path.Combine(folder, "history.csv"));
        if (pdf) WarnUnshown(logger, RunReport.Render(results, predictions, pdfPath), pdfPath);
        return folder;
    }

    /// <summary>Beside the PDF unless that would overwrite another experiment's companion files; then beside results.json.</summary>
    private static string CompanionFolder(ExperimentResults results, string pdfFolder, string? resultsFolder)
    {
        if (resultsFolder is null || Path.GetFullPath(resultsFolder) == pdfFolder) return pdfFolder;
        var resultsJson = Path.Combine(pdfFolder, LossLab.Evaluation.ResultsFolder.ResultsFile);
        bool foreign;
        if (File.Exists(resultsJson))
        {
            try { foreign = LossLab.Evaluation.Results.ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(resultsJson)).ExperimentSha256 != results.ExperimentSha256; }
            catch (System.Text.Json.JsonException) { foreign = true; }
        }
        else foreign = File.Exists(Path.Combine(pdfFolder, "summary.md")) || File.Exists(Path.Combine(pdfFolder, "metrics.csv"));
        return foreign ? Path.GetFullPath(resultsFolder) : pdfFolder;
    }

    /// <summary>Every warning of the results in the terminal, where nobody can miss them.</summary>
    public static void LogWarnings(ILogger logger, ExperimentResults results)
    {
        foreach (var warning in results.Warnings)
            logger.LogWarning("{Code}: {Message}", warning.Code, warning.Message);
    }

    /// <summary>Names the characters a PDF printed as '?' (no installed font has them), so nobody finds out only on reading it.</summary>
    public static void WarnUnshown(ILogger logger, RenderedReport rendered, string pdfPath)
    {
        if (rendered.UnshownCharacters.Count == 0) return;
        logger.LogWarning("{Pdf}: {Count} character(s) are in no installed font and print as '?': {Characters} (install a font that has them, e.g. Noto Sans CJK, and render again with `losslab report`)",
            Path.GetFileName(pdfPath), rendered.UnshownCharacters.Count, string.Join(" ", rendered.UnshownCharacters));
    }
}
