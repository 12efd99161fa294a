using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using SkiaSharp;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class FigureTests
{
    private sealed class Box : IFigureContent
    {
        public void Draw(SKCanvas canvas, SKRect bounds)
        {
        }
    }

    [Fact]
    public void A_figure_and_its_caption_move_together_to_the_next_page()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Column(column =>
        {
            column.Item().Text(string.Join("\n", Enumerable.Range(0, 55).Select(i => $"filler {i}")));
            column.Item().Figure(new Box(), 200, "Figure 1. The caption.");
        })));

        Assert.Equal(2, canvas.Pages.Count);
        Assert.Empty(canvas.Pages[0].Figures);
        var figure = Assert.Single(canvas.Pages[1].Figures);
        Assert.Equal(200, figure.Bounds.Height, 1);
        Assert.Contains("caption", canvas.Pages[1].AllText);
    }

    [Fact]
    public void A_figure_taller_than_a_page_is_reported_instead_of_looping() =>
        Assert.Throws<InvalidOperationException>(() =>
            TestDocuments.Record(TestDocuments.WithContent(c => c.Figure(new Box(), 5000))));
}
