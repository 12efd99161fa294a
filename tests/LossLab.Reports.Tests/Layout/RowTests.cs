using LossLab.Reports.Layout.Elements;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class RowTests
{
    [Fact]
    public void Constant_widths_come_first_and_relative_items_share_the_rest()
    {
        var widths = RowWidth.Resolve([RowWidth.Constant(100), RowWidth.Relative(1), RowWidth.Relative(3)], 510, spacing: 5);

        Assert.Equal(100, widths[0], 3);
        Assert.Equal(100, widths[1], 3);
        Assert.Equal(300, widths[2], 3);
    }

    [Fact]
    public void Items_are_placed_side_by_side()
    {
        var canvas = TestDocuments.Record(TestDocuments.WithContent(c => c.Row(row =>
        {
            row.ConstantItem(100).Text("left");
            row.RelativeItem().Text("right");
        })));

        var texts = canvas.Pages[0].Texts;
        var left = texts.Single(t => t.Text == "left");
        var right = texts.Single(t => t.Text == "right");
        Assert.Equal(left.Baseline, right.Baseline, 2);
        Assert.Equal(100, right.X - left.X, 1);
    }

    [Fact]
    public void Negative_widths_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RowWidth.Constant(-1));
}
