using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using OxyPlot.SkiaSharp;

namespace LossLab.Reports.Sections;

/// <summary>Precision, recall and F1 against the threshold, and confusion matrices at 0.5 and tuned.</summary>
internal sealed class ThresholdsSection(RunReportContext context) : IReportSection
{
    public string Title => "Thresholds";

    /// <summary>Matrices per row: 0.5 plus at most three objectives, so cells stay readable.</summary>
    private const int MaxObjectives = 3;

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var curves = context.Losses.Select(l => (l, context.Test.Pooled(l), context.TunedMarks(l))).ToList();
            var sweep = ThresholdCurvesFigure.Build(context.Fonts, context.Palette, curves);
            column.Item().Figure(new KeyedFigure(context.ThresholdKey(markers: true), sweep), KeyedFigure.HeightFor(sweep.HeightFor(175)),
                $"{heading.Figure("a")} Precision, recall and F1 on test against the threshold (201 points), {context.PoolingNote}. " +
                "Markers above the curves, one row per objective (marker as in the key), in each loss's colour: its tuned threshold, mean over seeds; " +
                "grey dashed line: 0.5.");

            var objectives = context.Results.ThresholdObjectives.Take(MaxObjectives).ToList();
            var panels = new List<IFigureContent>();
            foreach (var loss in context.Losses)
            {
                var runs = context.Completed(loss).ToList();
                var color = context.Palette[loss].Color.ToSKColor();
                panels.Add(Matrix(runs.Select(r => r.Test), $"{loss} @0.5", color, runs.Count));
                foreach (var objective in objectives)
                {
                    var tuned = runs.Select(r => r.Thresholds.GetValueOrDefault(objective)).OfType<ThresholdResult>().ToList();
                    panels.Add(Matrix(tuned.Select(t => t.Test), $"{loss} @{objective} (≈{Format.Metric(tuned.Select(t => t.Threshold).DefaultIfEmpty(double.NaN).Average(), 2)})", color, runs.Count));
                }
            }

            var grid = new PanelGrid(panels, 1 + objectives.Count);
            column.Item().Figure(grid, grid.HeightFor(objectives.Count == 0 ? 80 : 95),
                $"{heading.Figure("b")} Confusion matrices on test, counts summed over all completed seeds, at threshold 0.5 and at each tuned threshold " +
                "(≈ the mean tuned threshold; each seed uses its own). Under each count, and as shading: its share of the true class's row.");
        });

    private IFigureContent Matrix(IEnumerable<MetricSet?> sets, string title, SkiaSharp.SKColor color, int runs)
    {
        var list = sets.OfType<MetricSet>().ToList();
        var label = runs == 0 ? $"{title}: no completed run" : title;
        return new ConfusionMatrixPanel(context.Fonts, label, list.Sum(m => m.Tp), list.Sum(m => m.Fp), list.Sum(m => m.Tn), list.Sum(m => m.Fn), color);
    }
}
