using LossLab.Evaluation.Results;
using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Output;
using LossLab.Reports.Sections;

namespace LossLab.Reports;

/// <summary>report.pdf of <c>losslab run</c> / <c>losslab report</c>: results.json plus predictions.csv, drawn.</summary>
public static class RunReport
{
    /// <summary>Renders the report to <paramref name="pdfPath"/>, written atomically (temporary file, then rename).</summary>
    public static RenderedReport Render(ExperimentResults results, IReadOnlyList<Prediction> predictions, string pdfPath)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfPath);

        using var fonts = FontSet.Resolve();
        var document = Compose(results, predictions, fonts);
        var pages = PdfWriter.Write(document, pdfPath, results.Title);
        return new RenderedReport(pages, [.. fonts.Unshown]);
    }

    /// <summary>The report's pages composed, not yet drawn (tests draw them on a recording canvas).</summary>
    internal static Document Compose(ExperimentResults results, IReadOnlyList<Prediction> predictions, FontSet fonts)
    {
        var context = new RunReportContext(results, predictions, fonts);
        return Document.Create(fonts, page =>
        {
            ReportPage.Frame(page, $"LossLab · {results.Name}", results.StartedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            page.Content().Column(column =>
            {
                column.Spacing(12);
                var outline = Outline(context);
                column.Item().DocumentTitle(results.Title);
                outline.Contents(column.Item());
                outline.Compose(column);
            });
        });
    }

    /// <summary>Every section in reading order; deployment and sign-off only when the experiment asked for them.</summary>
    private static ReportOutline Outline(RunReportContext context) => new ReportOutline()
        .Page(new SummarySection(context))
        .Page(new LossShapesSection(context))
        .Page(new TrainingSection(context))
        .Page(new RankingSection(context))
        .Page(new ConfidenceSection(context))
        .Page(new CalibrationSection(context))
        .Page(new ThresholdsSection(context))
        .Page(new DecisionBoundarySection(context))
        .Page(new ReproducibilitySection(context))
        .Page(RunSignOff.Deployment(context.Results, context.Losses) is { } deployment ? new DeploymentSection(deployment) : null)
        .Page(RunSignOff.Facts(context.Results) is { } signOff ? new SignOffPage(signOff) : null);
}
