using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class TableTests
{
    private static Document HundredRows() => TestDocuments.WithContent(c => c.Table(table =>
    {
        table.ConstantColumn(60);
        table.RelativeColumn();
        table.HeaderCell().Text("RowId", TextStyle.TableHeader);
        table.HeaderCell().Text("Description", TextStyle.TableHeader);
        for (var i = 0; i < 100; i++)
        {
            table.Cell().Text($"r{i:000}", TextStyle.TableCell);
            table.Cell().Text($"value of row {i}", TextStyle.TableCell);
        }
    }));

    [Fact]
    public void A_hundred_rows_span_pages_and_the_header_repeats_on_every_page()
    {
        var pages = PdfText.Pages(PdfText.Render(HundredRows()));

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.All(pages, text => Assert.Contains("RowId Description", text));
        var rows = pages.SelectMany(p => p.Split(' ')).Where(w => w.Length == 4 && w[0] == 'r' && char.IsDigit(w[1])).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"r{i:000}"), rows);
    }

    [Fact]
    public void Rows_are_never_split_and_stay_above_the_footer()
    {
        var canvas = TestDocuments.Record(HundredRows());

        foreach (var page in canvas.Pages)
        {
            var footer = page.Texts.Single(t => t.Text.StartsWith("Page "));
            Assert.All(page.Texts.Where(t => t.Text.StartsWith('r')), t => Assert.True(t.Baseline < footer.Baseline - 10));
        }
    }

    [Fact]
    public void Cells_must_fill_whole_rows() =>
        Assert.Throws<InvalidOperationException>(() => TestDocuments.WithContent(c => c.Table(table =>
        {
            table.RelativeColumn();
            table.RelativeColumn();
            table.Cell().Text("lonely");
        })));
}
