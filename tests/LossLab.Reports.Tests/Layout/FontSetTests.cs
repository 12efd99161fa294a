using LossLab.Reports.Fonts;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class FontSetTests
{
    [Fact]
    public void A_missing_system_family_falls_back_to_a_face_that_exists_and_says_so()
    {
        using var fonts = FontSet.FromSystem("No Such Family 12345");

        Assert.Contains("was not found", fonts.Source);
        Assert.NotNull(fonts.Regular);
        Assert.NotNull(fonts.Bold);
    }

    [Fact]
    public void The_report_faces_come_from_the_assembly_not_the_system()
    {
        Assert.Equal(FontSet.PreferredFamily, TestFonts.Shared.FamilyName);
        Assert.Contains("shipped inside LossLab.Reports", TestFonts.Shared.Source);
        Assert.True(TestFonts.Shared.Bold.IsBold, "the bold face is not bold");
        Assert.False(TestFonts.Shared.Regular.IsBold, "the regular face is bold");
    }

    [Theory]
    [InlineData(EmbeddedFonts.RegularResource)]
    [InlineData(EmbeddedFonts.BoldResource)]
    public void Each_embedded_face_resolves_and_has_the_glyphs_reports_print(string resource)
    {
        using var typeface = EmbeddedFonts.FromResource(resource);

        Assert.NotNull(typeface);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        // Every non-ASCII character the report code prints (formulas, ▲, ±, subscripts, floor brackets) and some
        // accented Latin and Cyrillic a dataset name may hold.
        Assert.True(typeface.ContainsGlyphs("AZaz09 −·≥≤αβγσεΣΔπ×±–—²₀₁₂₊₋⌊⌋⌈⌉▲∂∞√∈≈…½•→éüßŁčжЯ"));
    }

    [Fact]
    public void The_licence_of_the_embedded_faces_ships_with_the_assembly()
    {
        var licence = Path.Combine(AppContext.BaseDirectory, "LICENSE-DejaVu.txt");

        Assert.True(File.Exists(licence), licence);
        Assert.Contains("Bitstream Vera Fonts Copyright", File.ReadAllText(licence));
    }

    [Fact]
    public void Fonts_are_embedded_in_the_pdf_and_the_text_reads_back()
    {
        var pdf = PdfText.Render(TestDocuments.WithContent(c => c.Text("embedded text: focal γ = 2, α = 0.25 ≥ ▲")));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.Contains("/FontFile", raw);
        Assert.Contains("embedded text: focal γ = 2, α = 0.25 ≥ ▲", PdfText.Pages(pdf)[0]);
    }

    [Fact]
    public void The_pdf_embeds_the_small_shipped_faces_not_the_whole_system_ones()
    {
        var pdf = PdfText.Render(TestDocuments.WithContent(c => c.Text("size check")));

        // The system DejaVu Sans alone is 760 KB (≈ 390 KB compressed); the shipped subset is 182 KB.
        Assert.True(pdf.Length < 300_000, $"{pdf.Length} bytes");
    }
}
