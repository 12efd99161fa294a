using System.Diagnostics;
using LossLab.Reports;
using LossLab.Reports.Tests.Fixtures;

namespace LossLab.Benchmarks.Reports;

/// <summary>
/// <c>-- report-first-render</c>: what a user of <c>losslab report</c> waits for, since each CLI call is a new process.
/// Times the first RunReport.Render of this process (JIT, Skia's native library, the embedded fonts, OxyPlot) and
/// the next three (warm), with the bytes allocated on the managed heap and the PDF's size. Run it in a fresh process:
/// BenchmarkDotNet's warm-up would hide exactly this cost.
/// </summary>
public static class ReportFirstRender
{
    private const int WarmRenders = 3;

    public static int Run(TextWriter output)
    {
        var (results, predictions) = ExperimentFixture.Build();
        var path = Path.Combine(Path.GetTempPath(), $"losslab-first-render-{Environment.ProcessId}.pdf");
        try
        {
            output.WriteLine($"Fixture: {results.Losses.Count} losses × {results.Seeds.Count} seeds, {predictions.Count:N0} prediction rows, " +
                $"{results.ThresholdObjectives.Count} objectives.");
            Measure(output, "first render (cold process)", () => RunReport.Render(results, predictions, path));
            for (var i = 1; i <= WarmRenders; i++)
                Measure(output, $"render {i + 1} (warm)", () => RunReport.Render(results, predictions, path));
            var size = new FileInfo(path).Length;
            output.WriteLine($"report.pdf: {size:N0} bytes ({size / 1048576.0:F2} MiB); target < 2 MB: {(size < 2_000_000 ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Measure(TextWriter output, string label, Action render)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        render();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output.WriteLine($"{label,-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms   {allocated / 1048576.0,7:F1} MiB allocated   " +
            $"target < 1.5 s: {(clock.Elapsed.TotalSeconds < 1.5 ? "met" : "NOT met")}");
    }
}
