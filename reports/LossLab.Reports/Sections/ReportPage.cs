using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Elements;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>The page frame shared by the run and review reports: a header line, and a footer with the page number (the font is named in the
/// reproducibility section, not on every page).</summary>
internal static class ReportPage
{
    public static void Frame(PageDescriptor page, string left, string right)
    {
        page.Header().Column(column =>
        {
            column.Spacing(3);
            column.Item().Row(row =>
            {
                row.RelativeItem().Text(left, TextStyle.Small);
                row.RelativeItem().Text(right, TextStyle.Small, TextAlignment.Right);
            });
            column.Item().LineHorizontal(0.5f);
        });
        page.Footer().PageNumber(TextStyle.Small, TextAlignment.Right);
    }
}
