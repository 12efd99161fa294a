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
        var context = new RunReportContext(results, predictions, fonts);
        var document = Document.Create(fonts, page =>
        {
            ReportPage.Frame(page, fonts, $"LossLab · {results.Name}", results.StartedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            page.Content().Column(column =>
            {
                column.Spacing(12);
                List<IComponent> sections =
                [
                    new SummarySection(context), new LossShapesSection(context), new TrainingSection(context), new RankingSection(context),
                    new ConfidenceSection(context), new CalibrationSection(context), new ThresholdsSection(context),
                    new DecisionBoundarySection(context), new ReproducibilitySection(context),
                ];
                if (RunSignOff.Deployment(results, context.Losses) is { } deployment)
                    sections.Add(new DeploymentSection($"{sections.Count + 1}", deployment));
                if (RunSignOff.Facts(results) is { } signOff)
                    sections.Add(new SignOffPage($"{sections.Count + 1}", signOff));
                for (var i = 0; i < sections.Count; i++)
                {
                    if (i > 0)
                        column.Item().PageBreak();
                    column.Item().Component(sections[i]);
                }
            });
        });
        var pages = PdfWriter.Write(document, pdfPath, results.Title);
        return new RenderedReport(pages, [.. fonts.Unshown]);
    }
}
