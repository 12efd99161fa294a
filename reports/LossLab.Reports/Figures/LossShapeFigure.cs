using LossLab.Evaluation.Results;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace LossLab.Reports.Figures;

/// <summary>
/// Loss against p_t (the probability given to the true class) and |d loss / d logit| against p_t, for a positive
/// and a negative target: a 2 × 2 grid, one line per loss. The gradient panels use a log axis because the losses
/// differ by orders of magnitude exactly where it matters (well-classified examples, p_t near 1).
/// </summary>
internal static class LossShapeFigure
{
    public static PanelGrid Build(FontSet fonts, LossPalette palette, IReadOnlyList<LossShape> shapes)
    {
        var panels = new List<PlotFigure>
        {
            new(Panel(fonts, palette, shapes, "Loss, positive target (y = 1)", LossTitle(shapes), s => s.LossPositive, LogLoss(shapes), legend: true), fonts),
            new(Panel(fonts, palette, shapes, "Loss, negative target (y = 0)", LossTitle(shapes), s => s.LossNegative, LogLoss(shapes), legend: false), fonts),
            new(Panel(fonts, palette, shapes, "|∂loss/∂logit|, positive target", "|gradient| (log)", s => Magnitudes(s.GradPositive), log: true, legend: false), fonts),
            new(Panel(fonts, palette, shapes, "|∂loss/∂logit|, negative target", "|gradient| (log)", s => Magnitudes(s.GradNegative), log: true, legend: false), fonts),
        };
        return new PanelGrid(panels, columns: 2);
    }

    /// <summary>
    /// Losses of very different sizes (a pos_weight of 99 multiplies BCE by 99) cannot share a linear axis without
    /// one flattening the others; past a factor of 20 between the largest values, the loss panels go logarithmic.
    /// </summary>
    private static bool LogLoss(IReadOnlyList<LossShape> shapes)
    {
        var peaks = shapes.Select(s => s.LossPositive.Concat(s.LossNegative).Where(double.IsFinite).DefaultIfEmpty(0).Max()).Where(p => p > 0).ToList();
        return peaks.Count > 1 && peaks.Max() / peaks.Min() > 20;
    }

    /// <summary>
    /// results.json keeps d loss / d logit with its sign (negative for a positive target: raising the logit lowers the
    /// loss); the panels show how hard each example pulls, whichever way, so they plot |d loss / d logit|.
    /// </summary>
    private static double[] Magnitudes(double[] gradients) => [.. gradients.Select(Math.Abs)];

    private static string LossTitle(IReadOnlyList<LossShape> shapes) => LogLoss(shapes) ? "loss (log)" : "loss";

    private static PlotModel Panel(FontSet fonts, LossPalette palette, IReadOnlyList<LossShape> shapes, string title, string yTitle,
        Func<LossShape, double[]> values, bool log, bool legend)
    {
        var model = Plots.Model(fonts, title);
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, "p_t (probability of the true class)", 0, 1));
        var positive = shapes.SelectMany(values).Where(v => v > 0 && double.IsFinite(v)).DefaultIfEmpty(1).ToList();
        model.Axes.Add(log
            ? Plots.Log(AxisPosition.Left, yTitle, Math.Max(positive.Min(), positive.Max() * 1e-6))
            : Plots.Linear(AxisPosition.Left, yTitle, 0, Math.Min(positive.Max(), 6) * 1.05));

        for (var i = 0; i < shapes.Count; i++)
        {
            var shape = shapes[i];
            var style = palette[shape.Loss];
            var series = Plots.LossLine(style, shape.Loss, markers: 5, phase: (double)i / Math.Max(1, shapes.Count));
            var y = values(shape);
            for (var k = 0; k < Math.Min(shape.Pt.Length, y.Length); k++)
            {
                // Zero or non-finite gradients cannot sit on a log axis; leave a gap rather than invent a value.
                var v = y[k];
                series.Points.Add(double.IsFinite(v) && (!log || v > 0) ? new DataPoint(shape.Pt[k], v) : DataPoint.Undefined);
            }

            model.Series.Add(series);
        }

        // Every curve falls towards p_t = 1, so the lower left corner is the one place no curve passes.
        if (legend)
            Plots.AddLegend(model, LegendPosition.LeftBottom);
        return model;
    }
}
