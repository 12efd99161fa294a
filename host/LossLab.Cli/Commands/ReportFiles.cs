using LossLab.Evaluation.Results;
using LossLab.Reports;

namespace LossLab.Cli.Commands;

/// <summary>The human-readable outputs of a run, written by <c>run</c> and re-written by <c>report</c>.</summary>
public static class ReportFiles
{
    /// <summary>summary.md and metrics.csv beside <paramref name="pdfPath"/>, and the PDF itself unless <paramref name="pdf"/> is false.</summary>
    public static void Write(ExperimentResults results, IReadOnlyList<Prediction> predictions, string pdfPath, bool pdf = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(pdfPath))!;
        SummaryMarkdown.Write(results, Path.Combine(folder, "summary.md"));
        MetricsCsv.Write(results, Path.Combine(folder, "metrics.csv"));
        if (pdf) RunReport.Render(results, predictions, pdfPath);
    }
}
