using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class ColumnTests
{
    [Fact]
    public void Items_are_stacked_top_to_bottom_with_spacing()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Column(column =>
        {
            column.Spacing(20);
            column.Item().Text("first");
            column.Item().Text("second");
        })));

        var texts = canvas.Pages.Single().Texts.Where(t => t.Text is "first" or "second").ToList();
        Assert.Equal(2, texts.Count);
        Assert.True(texts[1].Baseline - texts[0].Baseline > 20);
    }

    [Fact]
    public void Items_that_do_not_fit_continue_on_the_next_page_in_order()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Column(column =>
        {
            for (var i = 0; i < 120; i++)
                column.Item().Text($"item-{i:000}");
        })));

        Assert.True(canvas.Pages.Count >= 2);
        var order = canvas.Pages.SelectMany(p => p.Texts).Select(t => t.Text).Where(t => t.StartsWith("item-")).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"item-{i:000}"), order);
        foreach (var page in canvas.Pages)
            Assert.All(page.Texts, t => Assert.True(t.Baseline < page.Size.Height - 30));
    }

    [Fact]
    public void A_page_break_starts_a_new_page()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Column(column =>
        {
            column.Item().Text("before");
            column.Item().PageBreak();
            column.Item().Text("after");
        })));

        Assert.Equal(2, canvas.Pages.Count);
        Assert.Contains("before", canvas.Pages[0].AllText);
        Assert.Contains("after", canvas.Pages[1].AllText);
        Assert.DoesNotContain("after", canvas.Pages[0].AllText);
    }
}
