using LossLab.Reports.Fonts;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class FontSetTests
{
    [Fact]
    public void A_missing_family_falls_back_to_a_face_that_exists_and_says_so()
    {
        using var fonts = FontSet.Resolve("No Such Family 12345");

        Assert.Contains("was not found", fonts.Source);
        Assert.NotNull(fonts.Regular);
        Assert.NotNull(fonts.Bold);
    }

    [Fact]
    public void The_preferred_family_is_used_when_installed()
    {
        // DejaVu Sans is installed on LossLab's machines (PLATFORM.md); elsewhere the fallback test covers the path.
        if (!TestFonts.Shared.Source.Contains("found through"))
            return;
        Assert.Equal(FontSet.PreferredFamily, TestFonts.Shared.FamilyName);
    }

    [Fact]
    public void Fonts_are_embedded_in_the_pdf()
    {
        var pdf = PdfText.Render(TestDocuments.WithContent(c => c.Text("embedded text")));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.Contains("/FontFile", raw);
    }
}
