using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Reports.Figures;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using Xunit;

namespace LossLab.Reports.Tests.Figures;

/// <summary>
/// Every plot of both reports as laid out on its page: legends clear of the data, markers whole, log axes labelled
/// per decade. Regression tests for issue 19's report defects.
/// </summary>
public sealed class PlotLayoutTests
{
    private static readonly Lazy<List<PlotModel>> RunPlots = new(() =>
    {
        var (results, predictions) = ExperimentFixture.Build();
        return PlotReadability.LaidOutPlots(RunReport.Compose(results, predictions, TestFonts.Shared));
    });

    private static readonly Lazy<List<PlotModel>> ReviewPlots = new(() =>
    {
        var table = ReviewTables.TwoSplits();
        var review = ReviewAnalyzer.Analyze(table, new ReviewOptions
        {
            BootstrapResamples = 50, DeploymentPrevalence = 0.002,
            Gates = GateParser.Parse(JsonNode.Parse("""[{"metric": "recall", "at": "precision>=0.5", "min": 0.1}]"""), "gates.json"),
        });
        return PlotReadability.LaidOutPlots(ReviewReport.Compose(review, table, TestFonts.Shared));
    });

    public static TheoryData<string> Reports => ["run", "review"];

    private static List<PlotModel> PlotsOf(string report) => report == "run" ? RunPlots.Value : ReviewPlots.Value;

    [Theory]
    [MemberData(nameof(Reports))]
    public void No_legend_sits_on_a_curve(string report)
    {
        var clashes = new List<string>();
        foreach (var model in PlotsOf(report))
        {
            foreach (var legend in model.Legends.OfType<LegendBase>().Where(l => l.LegendPlacement == LegendPlacement.Inside))
            {
                var area = legend.LegendArea;
                foreach (var series in model.Series.OfType<LineSeries>())
                {
                    var inside = series.Points.Where(p => p.IsDefined()).Select(series.Transform).Count(s => area.Contains(s));
                    if (inside > 0)
                        clashes.Add($"'{model.Title}': {inside} points of '{series.Title ?? "a reference line"}' under the legend");
                }
            }
        }

        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_marker_is_drawn_whole_inside_the_plot_area(string report)
    {
        var clipped = new List<string>();
        foreach (var model in PlotsOf(report))
        {
            var area = model.PlotArea;
            foreach (var series in model.Series.OfType<LineSeries>().Where(s => s.MarkerType != MarkerType.None && s is not SparseMarkerLineSeries))
            {
                foreach (var point in series.Points.Where(p => p.IsDefined()).Select(series.Transform))
                {
                    var r = series.MarkerSize;
                    if (point.X - r < area.Left - 0.5 || point.X + r > area.Right + 0.5 || point.Y - r < area.Top - 0.5 || point.Y + r > area.Bottom + 0.5)
                        clipped.Add($"'{model.Title}': marker at ({point.X:0.#}, {point.Y:0.#}) cut by the plot area {area}");
                }
            }
        }

        Assert.True(clipped.Count == 0, string.Join("\n", clipped.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_log_axis_over_several_decades_labels_at_least_three_of_them(string report)
    {
        var sparse = new List<string>();
        foreach (var model in PlotsOf(report))
        {
            foreach (var axis in model.Axes.OfType<LogarithmicAxis>().Where(a => a.IsAxisVisible))
            {
                var decades = Math.Log10(axis.ActualMaximum) - Math.Log10(axis.ActualMinimum);
                axis.GetTickValues(out var labels, out _, out _);
                var shown = labels.Count(v => v >= axis.ActualMinimum && v <= axis.ActualMaximum);
                if (decades >= 3 && shown < 3)
                    sparse.Add($"'{model.Title}' {axis.Position} axis: {shown} labels over {decades:0.#} decades");
            }
        }

        Assert.True(sparse.Count == 0, string.Join("\n", sparse));
    }
}
