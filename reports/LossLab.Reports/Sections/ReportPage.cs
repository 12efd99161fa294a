using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Elements;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>The page frame shared by the run and review reports: a header line, and a footer with font and page number.</summary>
internal static class ReportPage
{
    public static void Frame(PageDescriptor page, FontSet fonts, string left, string right)
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
        page.Footer().Row(row =>
        {
            row.RelativeItem().Text($"Font: {fonts.FamilyName}", TextStyle.Small);
            row.ConstantItem(90).PageNumber(TextStyle.Small);
        });
    }
}
