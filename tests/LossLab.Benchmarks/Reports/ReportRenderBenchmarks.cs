using BenchmarkDotNet.Attributes;
using LossLab.Evaluation.Results;
using LossLab.Reports;
using LossLab.Reports.Tests.Fixtures;

namespace LossLab.Benchmarks.Reports;

/// <summary>
/// RunReport.Render of a real experiment (issue 7): the report tests' fixture, a small run the engine wrote, 3 losses ×
/// 2 seeds, 398 validation + 597 test rows per seed (2 % positives), three tuned objectives, loss shapes, 15 epochs,
/// decision boundaries, gates and a deployment prevalence. Warm renders: fonts, Skia and the JIT are
/// already loaded; <see cref="ReportFirstRender"/> measures the first render of a process. Targets: &lt; 1.5 s, PDF &lt; 2 MB.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class ReportRenderBenchmarks
{
    private ExperimentResults _results = null!;
    private List<Prediction> _predictions = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        (_results, _predictions) = ExperimentFixture.Build();
        _path = Path.Combine(Path.GetTempPath(), $"losslab-bench-report-{Environment.ProcessId}.pdf");
    }

    [Benchmark(Description = "RunReport.Render, 3 losses × 2 seeds × (398 + 597) rows")]
    public long RenderRunReport()
    {
        RunReport.Render(_results, _predictions, _path);
        return new FileInfo(_path).Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // BenchmarkDotNet has no column for a result's size: the PDF's goes to the log, next to the table.
        Console.WriteLine($"// report.pdf size: {new FileInfo(_path).Length:N0} bytes ({_predictions.Count:N0} prediction rows)");
        File.Delete(_path);
    }
}
