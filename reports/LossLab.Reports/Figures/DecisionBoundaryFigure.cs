using LossLab.Evaluation.Results;
using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace LossLab.Reports.Figures;

/// <summary>
/// For two-feature data: the model's score over the feature plane as a pale heat map, the 0.5 contour as the
/// decision boundary, and the test points on top (negatives small grey squares, positives in the loss's marker).
/// </summary>
internal static class DecisionBoundaryFigure
{
    private const string ScoreAxis = "score";

    public static PlotModel Panel(FontSet fonts, LossStyle style, DecisionBoundary boundary, IReadOnlyList<string> featureNames)
    {
        var title = $"{boundary.Loss} (seed {boundary.Seed})";
        var n = boundary.Resolution;
        if (n < 2 || boundary.Scores.Length < n * n)
            return Plots.Empty(fonts, title, "no score grid recorded");

        var model = Plots.Model(fonts, title);
        model.Axes.Add(Plots.Linear(AxisPosition.Bottom, featureNames.ElementAtOrDefault(0) ?? "feature 1 (standardised)", boundary.XMin, boundary.XMax));
        model.Axes.Add(Plots.Linear(AxisPosition.Left, featureNames.ElementAtOrDefault(1) ?? "feature 2 (standardised)", boundary.YMin, boundary.YMax));
        model.Axes.Add(new LinearColorAxis
        {
            Key = ScoreAxis,
            Position = AxisPosition.None,
            Minimum = 0,
            Maximum = 1,
            Palette = OxyPalette.Interpolate(32, OxyColor.FromRgb(0xDD, 0xE8, 0xF3), OxyColors.White, OxyColor.FromRgb(0xF8, 0xDD, 0xC8)),
        });

        // HeatMapSeries wants data[ix, iy]; results store row-major Scores[iy * n + ix].
        var grid = new double[n, n];
        for (var iy = 0; iy < n; iy++)
            for (var ix = 0; ix < n; ix++)
                grid[ix, iy] = boundary.Scores[iy * n + ix];
        var dx = (boundary.XMax - boundary.XMin) / (n - 1);
        var dy = (boundary.YMax - boundary.YMin) / (n - 1);
        model.Series.Add(new HeatMapSeries
        {
            X0 = boundary.XMin, X1 = boundary.XMax, Y0 = boundary.YMin, Y1 = boundary.YMax,
            Data = grid,
            Interpolate = true,
            ColorAxisKey = ScoreAxis,
            RenderMethod = HeatMapRenderMethod.Bitmap,
            RenderInLegend = false,
        });
        model.Series.Add(new ContourSeries
        {
            Data = grid,
            ColumnCoordinates = Enumerable.Range(0, n).Select(i => boundary.XMin + i * dx).ToArray(),
            RowCoordinates = Enumerable.Range(0, n).Select(i => boundary.YMin + i * dy).ToArray(),
            ContourLevels = [0.5],
            Color = OxyColors.Black,
            StrokeThickness = 1.2,
            LabelBackground = OxyColors.Undefined,
            FontSize = 0,
            RenderInLegend = false,
        });

        // Negatives as tiny squares, not circles: at 2 pt they look the same, but Skia writes a circle as 8 Bézier
        // segments and a square as one "re"; with ~1800 test points per panel circles made this page 0.95 MB of the PDF.
        model.Series.Add(Points(model, boundary, label: 0, MarkerType.Square, 0.9, OxyColor.FromAColor(160, OxyColors.DimGray), OxyColors.Undefined));
        model.Series.Add(Points(model, boundary, label: 1, style.Marker, 3, style.Color, OxyColors.Black));
        return model;
    }

    /// <summary>
    /// Scatter series colour their points through a colour axis whenever the model has one (the heat map's), which
    /// would make them invisible; each set of points therefore gets its own one-colour axis.
    /// </summary>
    private static ScatterSeries Points(PlotModel model, DecisionBoundary boundary, int label, MarkerType marker, double size, OxyColor fill, OxyColor stroke)
    {
        var key = $"points-{label}";
        model.Axes.Add(new LinearColorAxis { Key = key, Position = AxisPosition.None, Minimum = 0, Maximum = 1, Palette = new OxyPalette(fill, fill) });
        var series = new ScatterSeries
        {
            MarkerType = marker, MarkerSize = size, MarkerFill = fill, MarkerStroke = stroke, MarkerStrokeThickness = 0.4, RenderInLegend = false,
            ColorAxisKey = key,
        };
        var count = Math.Min(boundary.TestLabels.Length, Math.Min(boundary.TestX.Length, boundary.TestY.Length));
        for (var i = 0; i < count; i++)
        {
            if (boundary.TestLabels[i] == label)
                series.Points.Add(new ScatterPoint(boundary.TestX[i], boundary.TestY[i], value: 0.5));
        }

        return series;
    }
}
