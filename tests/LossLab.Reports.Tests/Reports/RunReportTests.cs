using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using UglyToad.PdfPig;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class RunReportTests
{
    private static readonly string[] Headings =
    [
        "1. Summary", "2. Loss shapes", "3. Training", "4. Ranking", "5. Confidence", "6. Calibration", "7. Thresholds",
        "8. Decision boundaries", "9. Reproducibility", "10. At the deployment prevalence", "11. Sign-off",
    ];

    /// <summary>The real run with one failed run, so the verdict and the appendix have one to show.</summary>
    private static readonly Lazy<(string Path, List<string> Pages)> Rendered = new(() =>
    {
        var (results, predictions) = ExperimentFixture.WithFailedRun();
        var path = ReportOutput.PathFor("run-report.pdf");
        RunReport.Render(results, predictions, path);
        return (path, PdfText.Pages(path));
    });

    [Fact]
    public void The_usual_report_needs_no_character_it_cannot_draw()
    {
        var (results, predictions) = ExperimentFixture.Build();

        var rendered = RunReport.Render(results, predictions, ReportOutput.PathFor("run-report-covered.pdf"));

        Assert.Empty(rendered.UnshownCharacters);
        Assert.True(rendered.Pages > 5, $"{rendered.Pages} pages");
    }

    [Fact]
    public void Characters_no_font_has_print_as_question_marks_and_are_returned_to_the_caller()
    {
        // U+0378 and U+0379 are unassigned: no font anywhere has a glyph for them.
        var (results, predictions) = ExperimentFixture.Build();
        var path = ReportOutput.PathFor("run-report-unshown.pdf");

        var rendered = RunReport.Render(results with { Title = "Studie \u0378\u0379 fertig" }, predictions, path);

        Assert.Equal(["\u0378", "\u0379"], rendered.UnshownCharacters);
        Assert.Contains("Studie ?? fertig", PdfText.Pages(path)[0]);
    }

    [Fact]
    public void Every_section_heading_is_present_in_order()
    {
        var text = string.Join(" ", Rendered.Value.Pages);
        var positions = Headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(Headings), p => Assert.True(p.First >= 0, $"missing heading '{p.Second}'"));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_verdict_table_names_every_loss_with_its_runs()
    {
        var all = string.Join(" ", Rendered.Value.Pages);
        var summary = all[..all.IndexOf("2. Loss shapes", StringComparison.Ordinal)];
        var verdict = summary[summary.IndexOf("Verdict", StringComparison.Ordinal)..];
        foreach (var loss in ExperimentFixture.Losses)
            Assert.Contains(loss, verdict);
        Assert.Contains("2/2 runs", verdict);
        Assert.Contains("1/2 runs", verdict);
        Assert.Contains("Accuracy is not reported as a headline", summary);
    }

    [Fact]
    public void The_failed_run_and_its_error_are_listed_in_the_appendix()
    {
        var appendix = string.Join(" ", Rendered.Value.Pages.SkipWhile(p => !p.Contains("9. Reproducibility")));
        Assert.Contains("Runs that did not complete", appendix);
        Assert.Contains("loss returned NaN at epoch 4", appendix);
        Assert.Contains("failed", appendix);
    }

    [Fact]
    public void The_resolved_experiment_in_the_appendix_reads_as_written()
    {
        var appendix = string.Join(" ", Rendered.Value.Pages.SkipWhile(p => !p.Contains("9. Reproducibility")));
        Assert.Contains("\"recall>=0.9\"", appendix);
        Assert.DoesNotContain("\\u003E", appendix);
    }

    [Fact]
    public void Page_count_is_sane_and_every_page_is_numbered()
    {
        var pages = Rendered.Value.Pages;
        Assert.InRange(pages.Count, 9, 20);
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
    }

    [Fact]
    public void Fonts_are_embedded_and_named_in_the_reproducibility_section_not_on_every_page()
    {
        var raw = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Rendered.Value.Path));
        Assert.Contains("/FontFile", raw);
        Assert.All(Rendered.Value.Pages, page => Assert.DoesNotContain("Font:", page));
        var appendix = string.Join(" ", Rendered.Value.Pages.SkipWhile(p => !p.Contains("9. Reproducibility")));
        Assert.Contains("Report font", appendix);
    }

    [Fact]
    public void The_report_stays_under_two_megabytes() =>
        Assert.True(new FileInfo(Rendered.Value.Path).Length < 2_000_000, $"{new FileInfo(Rendered.Value.Path).Length} bytes");

    [Fact]
    public void A_loss_without_any_completed_run_still_renders()
    {
        var (failing, predictions) = ExperimentFixture.WithNoCompletedRun("focal-g2", "boom");
        var broken = ExperimentFixture.WithThreeFeatures(failing);
        var path = ReportOutput.PathFor("run-report-no-focal.pdf");

        RunReport.Render(broken, predictions, path);

        var text = string.Join(" ", PdfText.Pages(path));
        Assert.Contains("0/2 runs", text);
        Assert.Contains("no completed run", text);
        Assert.Contains("Not applicable", text);
        Assert.Contains("boom", text);
    }
}
