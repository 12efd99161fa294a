using LossLab.Reports.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>
/// Finding one's way in a report, read back from the PDF: a bookmark per numbered section that opens the page the
/// heading is on, a contents block on page 1 with the same pages, and sections that share pages where they fit.
/// </summary>
public sealed class ReportNavigationTests
{
    public static TheoryData<string> Reports => RenderedReports.Kinds;

    private static string PathOf(string report) => RenderedReports.PathOf(report);

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_section_has_a_bookmark_that_opens_the_page_its_heading_is_on(string report)
    {
        using var document = PdfDocument.Open(PathOf(report));
        var headings = HeadingPages(document);

        Assert.True(document.TryGetBookmarks(out var bookmarks), "the PDF has no outline");
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal(headings.Select(h => h.Text), nodes.Select(n => n.Title));
        Assert.Equal(headings.Select(h => h.Page), nodes.Select(n => n.PageNumber));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Page_1_lists_every_section_with_the_page_it_starts_on(string report)
    {
        using var document = PdfDocument.Open(PathOf(report));
        var headings = HeadingPages(document);
        var first = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));

        var contents = first[first.IndexOf("Contents", StringComparison.Ordinal)..];
        foreach (var (text, page) in headings)
            Assert.Contains($"{text.Replace(". ", " ", StringComparison.Ordinal)} {page}", contents);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_section_starts_on_a_new_page_only_when_it_would_not_fit_on_the_one_before(string report)
    {
        // A page that ends more than half empty, followed by a page that opens with a section heading, means that
        // section was sent on although the part of it that fits (at least its heading and first block) was not tried:
        // the defect of one page per section. Each report has at least one section small enough to share a page.
        using var document = PdfDocument.Open(PathOf(report));
        var headings = HeadingPages(document);
        var sharing = headings.GroupBy(h => h.Page).Count(g => g.Count() > 1);
        Assert.True(sharing > 0, $"every section is alone on its page(s): {string.Join(", ", headings)}");
        Assert.True(headings.Count - headings.Select(h => h.Page).Distinct().Count() >= 1);
    }

    [Fact]
    public void No_page_footer_names_the_font()
    {
        using var document = PdfDocument.Open(PathOf("run"));
        Assert.All(document.GetPages(), page => Assert.DoesNotContain("Font:", string.Join(" ", page.GetWords().Select(w => w.Text))));
    }

    /// <summary>The section headings (the 16 pt lines) and the page each is on.</summary>
    private static List<(string Text, int Page)> HeadingPages(PdfDocument document) =>
        document.GetPages()
            .SelectMany(page => page.GetWords()
                .Where(w => w.Letters.Count > 0 && Math.Abs(w.Letters[0].PointSize - 16) < 0.5)
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(g => g.Key)
                .Select(g => (Text: string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)), Page: page.Number)))
            .ToList();
}
