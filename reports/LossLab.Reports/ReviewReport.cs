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
    /// <summary>Renders the review to <paramref name="pdfPath"/>, written atomically (temporary file, then rename).</summary>
    public static RenderedReport Render(ReviewResults review, PredictionTable table, string pdfPath)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfPath);
        if (table.Labels.Length != table.Scores.Length)
            throw new ArgumentException($"The table has {table.Labels.Length} labels but {table.Scores.Length} scores.", nameof(table));

        using var fonts = FontSet.Resolve();
        var context = new ReviewContext(review, table, fonts);
        var document = Document.Create(fonts, page =>
        {
            ReportPage.Frame(page, fonts, $"LossLab review · {Path.GetFileName(review.Source)}", review.Optimistic ? "optimistic: tuned and judged on the same rows" : "");
            page.Content().Column(column =>
            {
                column.Spacing(12);
                column.Item().Component(new ReviewSummarySection(context));
                column.Item().PageBreak();
                column.Item().Component(new ReviewFiguresSection(context));
                column.Item().PageBreak();
                column.Item().Component(new ReviewAppendixSection(context));
                var deployment = ReviewSignOff.Deployment(review);
                if (deployment is not null)
                {
                    column.Item().PageBreak();
                    column.Item().Component(new DeploymentSection("6", deployment));
                }
                if (ReviewSignOff.Facts(review) is { } signOff)
                {
                    column.Item().PageBreak();
                    column.Item().Component(new SignOffPage(deployment is null ? "6" : "7", signOff));
                }
            });
        });
        var pages = PdfWriter.Write(document, pdfPath, $"Review of {review.Source}");
        return new RenderedReport(pages, [.. fonts.Unshown]);
    }
}
