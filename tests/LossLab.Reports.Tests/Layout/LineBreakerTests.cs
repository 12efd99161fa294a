using LossLab.Reports.Layout;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class LineBreakerTests
{
    private static readonly TextStyle Style = TextStyle.Body;

    [Fact]
    public void Every_line_fits_the_width_and_no_word_is_lost()
    {
        var text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var lines = LineBreaker.Break([new TextSpan(text, Style)], TestFonts.Shared, 150);

        Assert.True(lines.Count > 10);
        Assert.All(lines, l => Assert.True(l.Width <= 150.01f, $"line width {l.Width}"));
        var rejoined = string.Join(" ", lines.Select(l => string.Concat(l.Fragments.Select(f => f.Text)).Trim()));
        Assert.Equal(text, rejoined);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_characters()
    {
        var hash = new string('a', 64) + new string('0', 64);
        var lines = LineBreaker.Break([new TextSpan(hash, Style)], TestFonts.Shared, 100);

        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.True(l.Width <= 100.01f));
        Assert.Equal(hash, string.Concat(lines.SelectMany(l => l.Fragments).Select(f => f.Text)));
    }

    [Fact]
    public void Newlines_start_lines_and_paragraph_indentation_is_kept()
    {
        var lines = LineBreaker.Break([new TextSpan("{\n  \"a\": 1\n}", Style)], TestFonts.Shared, 400);

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("  ", lines[1].Fragments[0].Text);
    }

    [Fact]
    public void Spans_keep_their_styles_on_one_line()
    {
        var bold = Style.WithBold();
        var lines = LineBreaker.Break([new TextSpan("Verdict: ", bold), new TextSpan("no clear difference", Style)], TestFonts.Shared, 400);

        var line = Assert.Single(lines);
        Assert.Equal(2, line.Fragments.Count);
        Assert.True(line.Fragments[0].Style.Bold);
        Assert.True(line.Fragments[1].X >= line.Fragments[0].Width - 0.01f);
    }
}
