using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Output;
using LossLab.Reports.Review;
using LossLab.Reports.Sections;

namespace LossLab.Reports;

/// <summary>The PDF of <c>losslab review</c>: one file of scored rows, judged with the same figures as a run report.</summary>
public static class ReviewReport
{
    /// <summary>Points between the figures of the sections kept together on the review's figure page.</summary>
    internal const float FigureSpacing = 10;

    /// <summary>Renders the review to <paramref name="pdfPath"/>, written atomically (temporary file, then rename).</summary>
    public static RenderedReport Render(ReviewResults review, PredictionTable table, string pdfPath)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfPath);
        if (table.Labels.Length != table.Scores.Length)
            throw new ArgumentException($"The table has {table.Labels.Length} labels but {table.Scores.Length} scores.", nameof(table));

        using var fonts = FontSet.Resolve();
        var document = Compose(review, table, fonts);
        var pages = PdfWriter.Write(document, pdfPath, $"Review of {review.Source}");
        return new RenderedReport(pages, [.. fonts.Unshown]);
    }

    /// <summary>The review's pages composed, not yet drawn (tests draw them on a recording canvas).</summary>
    internal static Document Compose(ReviewResults review, PredictionTable table, FontSet fonts)
    {
        var context = new ReviewContext(review, table, fonts);
        return Document.Create(fonts, page =>
        {
            ReportPage.Frame(page, $"LossLab review · {Path.GetFileName(review.Source)}", review.Optimistic ? "optimistic: tuned and judged on the same rows" : "");
            page.Content().Column(column =>
            {
                column.Spacing(12);
                var outline = Outline(context);
                column.Item().DocumentTitle("Review of scored predictions");
                outline.Contents(column.Item());
                outline.Compose(column);
            });
        });
    }

    /// <summary>The summary, the three figure sections together, the appendix; deployment and sign-off only when asked for.</summary>
    private static ReportOutline Outline(ReviewContext context) => new ReportOutline()
        .Page(new ReviewSummarySection(context))
        .Page(FigureSpacing, new ReviewRankingSection(context), new ReviewCalibrationSection(context), new ReviewThresholdsSection(context))
        .Page(new ReviewAppendixSection(context))
        .Page(ReviewSignOff.Deployment(context.Review) is { } deployment ? new DeploymentSection(deployment) : null)
        .Page(ReviewSignOff.Facts(context.Review) is { } signOff ? new SignOffPage(signOff) : null);
}
