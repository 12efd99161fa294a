using LossLab.Reports.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>
/// What a reader sees in the figures, read back from the PDF's glyphs: no rotated axis title runs over the tick labels
/// beside it, and no text is set over other text.
/// </summary>
public sealed class FigureLegibilityTests
{
    public static TheoryData<string> Reports => RenderedReports.Kinds;

    private static string PathOf(string report) => RenderedReports.PathOf(report);

    [Theory]
    [MemberData(nameof(Reports))]
    public void No_rotated_axis_title_overlaps_a_tick_label(string report)
    {
        using var document = PdfDocument.Open(PathOf(report));
        var clashes = new List<string>();
        foreach (var page in document.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var rotated = letters.Where(l => l.TextOrientation != TextOrientation.Horizontal).ToList();
            var upright = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
            foreach (var title in rotated)
            {
                foreach (var label in upright.Where(u => Overlap(Box(title), Box(u))))
                    clashes.Add($"page {page.Number}: rotated '{title.Value}' over '{label.Value}' at ({label.Location.X:0.#}, {label.Location.Y:0.#})");
            }
        }

        Assert.True(clashes.Count == 0, string.Join("\n", clashes.Take(20)));
    }

    [Fact]
    public void An_objective_is_never_cut_inside_a_review_table_cell()
    {
        // A word wider than its column is cut between characters: "precision>=0" on one line, ".5" on the next.
        var words = PdfText.Pages(PathOf("review")).SelectMany(p => p.Split(' ')).ToList();
        Assert.Contains("precision>=0.5", words);
        Assert.DoesNotContain("precision>=0", words);
        Assert.DoesNotContain(".5", words);
    }

    /// <summary>The glyph's box, shrunk by a tenth of a point so letters that merely touch do not count.</summary>
    private static PdfRectangle Box(Letter letter)
    {
        var r = letter.BoundingBox;
        return new PdfRectangle(Math.Min(r.Left, r.Right) + 0.1, Math.Min(r.Bottom, r.Top) + 0.1, Math.Max(r.Left, r.Right) - 0.1, Math.Max(r.Bottom, r.Top) - 0.1);
    }

    private static bool Overlap(PdfRectangle a, PdfRectangle b) =>
        a.Left < b.Right && b.Left < a.Right && a.Bottom < b.Top && b.Bottom < a.Top;
}
