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

        Assert.Equal([("focal γ = 2 ≥ ▲", (SKTypeface?)null)], text.Runs("focal γ = 2 ≥ ▲", bold: false));
        Assert.Empty(text.Unshown);
    }

    [Fact]
    public void Characters_no_face_has_become_question_marks_in_the_report_face_and_are_listed()
    {
        var text = new FallbackText(Regular, Bold, (_, _) => null);

        Assert.Equal([("data ?? v2", (SKTypeface?)null)], text.Runs("data 数据 v2", bold: true));
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

        Assert.Equal([("data ", null), ("数据", standIn), (" v2 ", null), ("数", standIn)], runs);
        Assert.Equal([('数', false), ('据', false)], asked); // each character looked up once per weight
        Assert.Empty(text.Unshown);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_stays_one_character()
    {
        var text = new FallbackText(Regular, Bold, (_, _) => null);

        Assert.Equal([("loss ?", (SKTypeface?)null)], text.Runs("loss 😀", bold: false));
        Assert.Equal(["😀"], text.Unshown);
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
