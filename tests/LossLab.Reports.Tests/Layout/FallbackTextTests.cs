using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Tests.Support;
using SkiaSharp;
using Xunit;

namespace LossLab.Reports.Tests.Layout;

public class FallbackTextTests
{
    private static readonly SKTypeface Regular = TestFonts.Shared.Regular;
    private static readonly SKTypeface Bold = TestFonts.Shared.Bold;

    [Fact]
    public void Text_the_report_face_covers_is_one_run_in_that_face()
    {
        var text = new FallbackText(Regular, Bold, (_, _) => throw new InvalidOperationException("no lookup expected"));

        Assert.Equal([new FallbackText.Run("focal γ = 2 ≥ ▲", null)], text.Runs("focal γ = 2 ≥ ▲", bold: false));
        Assert.Empty(text.Unshown);
    }

    [Fact]
    public void Characters_no_face_has_become_question_marks_in_the_report_face_and_are_listed()
    {
        var text = new FallbackText(Regular, Bold, (_, _) => null);

        Assert.Equal([new FallbackText.Run("data ?? v2", null)], text.Runs("data 数据 v2", bold: true));
        Assert.Equal(["据", "数"], text.Unshown); // in code point order: U+636E, U+6570
    }

    [Fact]
    public void Characters_a_system_face_has_are_drawn_in_it_and_the_rest_stays_in_the_report_face()
    {
        using var standIn = SKTypeface.FromFamilyName("any");
        var asked = new List<(int, bool)>();
        var text = new FallbackText(Regular, Bold, (codePoint, bold) =>
        {
            asked.Add((codePoint, bold));
            return codePoint == '数' || codePoint == '据' ? standIn : null;
        });

        var runs = text.Runs("data 数据 v2 数", bold: false);

        Assert.Equal([new("data ", null), new("数据", standIn), new(" v2 ", null), new FallbackText.Run("数", standIn)], runs);
        Assert.Equal([('数', false), ('据', false)], asked); // each character looked up once per weight
        Assert.Empty(text.Unshown);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_stays_one_character()
    {
        var text = new FallbackText(Regular, Bold, (_, _) => null);

        Assert.Equal([new FallbackText.Run("loss ?", null)], text.Runs("loss 😀", bold: false));
        Assert.Equal(["😀"], text.Unshown);
    }

    [Fact]
    public void Right_to_left_phrases_are_laid_out_in_reading_order_inside_left_to_right_text()
    {
        using var standIn = SKTypeface.FromFamilyName("any");
        FallbackText.Run Ltr(string t) => new(t, null);
        FallbackText.Run Rtl(string t) => new(t, standIn);

        // "Studie — שלום עולם": the two Hebrew words swap places; the space between them stays between them.
        Assert.Equal([0, 3, 2, 1], FallbackText.VisualOrder([Ltr("Studie — "), Rtl("שלום"), Ltr(" "), Rtl("עולם")]));
        // A number between right-to-left words moves with them; text after the phrase stays after it.
        Assert.Equal([0, 3, 2, 1, 4], FallbackText.VisualOrder([Ltr("a "), Rtl("שלום"), Ltr(" 2024 "), Rtl("עולם"), Ltr(" b")]));
        // A letterless run after the last right-to-left run is not part of the phrase.
        Assert.Equal([0, 1, 2, 3], FallbackText.VisualOrder([Ltr("x"), Rtl("שלום"), Ltr(" "), Ltr("y")]));
        // Left-to-right fallback runs (Chinese) keep their order.
        Assert.Equal([0, 1, 2], FallbackText.VisualOrder([Ltr("data "), new("数据", standIn), Ltr(" v2")]));
        Assert.True(FallbackText.Run.IsNeutralFor(" 2024 ") && !FallbackText.Run.IsNeutralFor("v2"));
    }

    [Theory]
    [InlineData(0x05D0, true)]  // א Hebrew
    [InlineData(0x0628, true)]  // ب Arabic
    [InlineData(0xFEFB, true)]  // Arabic presentation form (lam-alef)
    [InlineData('a', false)]
    [InlineData(0x6570, false)] // 数
    [InlineData(0x0416, false)] // Ж
    public void Right_to_left_scripts_are_recognised(int codePoint, bool rightToLeft) =>
        Assert.Equal(rightToLeft, FallbackText.IsRightToLeft(codePoint));

    [Fact]
    public void Right_to_left_runs_are_shaped_with_harfbuzz_in_the_pdf()
    {
        // The shipped face stands in for a system face with Hebrew (it has no Hebrew glyphs, so HarfBuzz shapes
        // .notdef boxes): what this checks is that shaping runs, natives loaded, and that the text around it stays.
        using var fonts = FontSet.Resolve((codePoint, _) => FallbackText.IsRightToLeft(codePoint) ? TestFonts.Shared.Regular : null);
        var document = Document.Create(fonts, page => page.Content().Text("before שלום עולם after"));

        var pdf = PdfText.Render(document);

        var text = PdfText.Pages(pdf)[0];
        Assert.StartsWith("before", text);
        Assert.EndsWith("after", text);
        Assert.True(fonts.Measure("שלום", TextStyle.Body) > 0);
        Assert.Empty(fonts.Unshown);
    }

    [Fact]
    public void In_a_pdf_an_uncovered_name_prints_question_marks_and_measures_like_them()
    {
        using var fonts = FontSet.Resolve((_, _) => null);
        var document = Document.Create(fonts, page => page.Content().Text("dataset 数据集 ready"));

        var pdf = PdfText.Render(document);

        Assert.Contains("dataset ??? ready", PdfText.Pages(pdf)[0]);
        Assert.Equal(fonts.Measure("dataset ??? ready", TextStyle.Body), fonts.Measure("dataset 数据集 ready", TextStyle.Body));
        Assert.Equal(["据", "数", "集"], fonts.Unshown);
    }
}
