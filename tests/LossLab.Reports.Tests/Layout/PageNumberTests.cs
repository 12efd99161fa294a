using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class PageNumberTests
{
    [Fact]
    public void Every_page_says_its_number_and_the_total()
    {
        var pdf = PdfText.Render(TestDocuments.WithContent(c => c.Column(column =>
        {
            for (var i = 0; i < 4; i++)
            {
                column.Item().Text($"section {i}");
                column.Item().PageBreak();
            }
        })));

        var pages = PdfText.Pages(pdf);
        Assert.Equal(4, pages.Count);
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Page {i + 1} of 4", pages[i]);
    }
}
