using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Small building blocks every section uses: headings, paragraphs, bullet lists, key/value tables.</summary>
internal static class Blocks
{
    private static readonly TextStyle Title = new(18, Bold: true);

    /// <summary>The report's own title, above its first section's heading.</summary>
    public static void DocumentTitle(this IContainer container, string title) => container.Text(title, Title);

    public static void Heading(this IContainer container, SectionHeading heading) =>
        container.Anchor(heading.Destination, heading.ToString()).PaddingBottom(2).Text(heading.ToString(), TextStyle.Heading1);

    /// <summary>A section heading and its first figure on the same page: a heading alone at a page's foot helps nobody.</summary>
    public static void HeadedFigure(this IContainer container, SectionHeading heading, IFigureContent figure, float height, string caption) =>
        container.KeepTogether().Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            column.Item().Figure(figure, height, caption);
        });

    public static void Subheading(this IContainer container, string title) =>
        container.PaddingTop(4).Text(title, TextStyle.Heading2);

    public static void Paragraph(this IContainer container, string text) => container.Text(text, TextStyle.Body);

    public static void Note(this IContainer container, string text) => container.Text(text, TextStyle.Caption);

    public static void Bullets(this IContainer container, IEnumerable<string> items) =>
        container.Column(column =>
        {
            column.Spacing(2);
            foreach (var item in items)
            {
                column.Item().Row(row =>
                {
                    row.ConstantItem(10).Text("•");
                    row.RelativeItem().Text(item);
                });
            }
        });

    /// <summary>A two-column table of labels and values, header included so it reads on any page.</summary>
    public static void KeyValues(this IContainer container, string keyHeader, string valueHeader, IEnumerable<(string Key, string Value)> rows, float keyWidth = 110) =>
        container.Table(table =>
        {
            table.ConstantColumn(keyWidth);
            table.RelativeColumn();
            table.HeaderCell().Text(keyHeader, TextStyle.TableHeader);
            table.HeaderCell().Text(valueHeader, TextStyle.TableHeader);
            foreach (var (key, value) in rows)
            {
                table.Cell().Text(key, TextStyle.TableCell.WithBold());
                table.Cell().Text(value, TextStyle.TableCell);
            }
        });

    /// <summary>A plain table from header texts and rows of texts (relative widths).</summary>
    public static void SimpleTable(this IContainer container, IReadOnlyList<(string Header, float Width)> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        container.Table(table =>
        {
            foreach (var (_, width) in columns)
                table.RelativeColumn(width);
            foreach (var (header, _) in columns)
                table.HeaderCell().Text(header, TextStyle.TableHeader);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                    table.Cell().Text(i < row.Count ? row[i] : "", TextStyle.TableCell);
            }
        });
}
