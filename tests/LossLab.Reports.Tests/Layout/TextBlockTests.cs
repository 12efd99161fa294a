using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using UglyToad.PdfPig;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class TextBlockTests
{
    [Fact]
    public void Wrapped_text_stays_inside_the_page_width_in_the_pdf()
    {
        var paragraph = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"token{i}")) + " " + new string('x', 300);
        var pdf = PdfText.Render(TestDocuments.WithContent(c => c.Text(paragraph)));

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= page.Width - 39, $"'{l.Value}' ends at {l.BoundingBox.Right}"));
            Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Left >= 39));
        }
    }

    [Fact]
    public void A_long_paragraph_splits_between_lines_across_pages()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 150).Select(i => $"line-{i:000}"));
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Text(lines)));

        Assert.True(canvas.Pages.Count >= 2);
        var drawn = canvas.Pages.SelectMany(p => p.Texts).Select(t => t.Text).Where(t => t.StartsWith("line-")).ToList();
        Assert.Equal(150, drawn.Count);
        Assert.Equal(drawn.Distinct().Count(), drawn.Count);
    }

    [Fact]
    public void Bold_spans_are_drawn_bold()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Text(t => t.Span("Result: ", TextStyle.Body.WithBold()).Span("fine"))));

        var texts = canvas.Pages[0].Texts;
        Assert.True(texts.Single(t => t.Text.StartsWith("Result")).Style.Bold);
        Assert.False(texts.Single(t => t.Text == "fine").Style.Bold);
    }
}
