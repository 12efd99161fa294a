using LossLab.Reports.Fonts;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace LossLab.Reports.Figures;

/// <summary>The house style of every plot: the report's font, small print sizes, light grid, legend inside.</summary>
internal static class Plots
{
    public const double FontSize = 7;

    /// <summary>Points between an axis title and the tick labels beside it, clear of a rotated title's descenders.</summary>
    public const double AxisTitleDistance = 5;
    public static readonly OxyColor GridColor = OxyColor.FromRgb(0xE4, 0xE4, 0xE4);
    public static readonly OxyColor ReferenceColor = OxyColor.FromRgb(0x88, 0x88, 0x88);

    public static PlotModel Model(FontSet fonts, string? title = null) => new()
    {
        Title = title,
        DefaultFont = fonts.FamilyName,
        DefaultFontSize = FontSize,
        TitleFontSize = 8,
        TitleFontWeight = FontWeights.Bold,
        TitlePadding = 2,
        Padding = new OxyThickness(2, 2, 8, 2),
        PlotAreaBorderColor = OxyColor.FromRgb(0x70, 0x70, 0x70),
        PlotAreaBorderThickness = new OxyThickness(0.6),
        Background = OxyColors.Undefined,
    };

    /// <summary>The least room, in points, between two labelled decades of a log axis.</summary>
    public const double LogDecadeSpacing = 14;

    public static LinearAxis Linear(AxisPosition position, string title, double? min = null, double? max = null, string? key = null)
    {
        var axis = new LinearAxis { Position = position, Title = title, Key = key };
        Style(axis, min, max);
        return axis;
    }

    public static LogarithmicAxis Log(AxisPosition position, string title, double? min = null, double? max = null, string? key = null)
    {
        var axis = new LogarithmicAxis { Position = position, Title = title, Key = key, UseSuperExponentialFormat = false };
        Style(axis, min, max);
        // OxyPlot labels a decade only every IntervalLength points (default 60): on a small panel that left 1 and
        // 10000 alone. A label per decade down to this spacing.
        axis.IntervalLength = LogDecadeSpacing;
        return axis;
    }

    private static void Style(Axis axis, double? min, double? max)
    {
        if (min is { } lo)
            axis.Minimum = lo;
        if (max is { } hi)
            axis.Maximum = hi;
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = GridColor;
        axis.MajorGridlineThickness = 0.5;
        axis.MinorGridlineStyle = LineStyle.None;
        axis.TickStyle = TickStyle.Outside;
        axis.AxislineThickness = 0.5;
        axis.TitleFontSize = FontSize;
        axis.FontSize = FontSize - 0.5;
        axis.AxisTitleDistance = AxisTitleDistance;
        axis.IsZoomEnabled = false;
        axis.IsPanEnabled = false;
    }

    /// <summary>
    /// A legend inside the plot area at <paramref name="position"/>, for plots whose data leave that corner empty; else
    /// see <see cref="AddLegendAbove"/>.
    /// </summary>
    public static void AddLegend(PlotModel model, LegendPosition position, LegendPlacement placement = LegendPlacement.Inside) =>
        model.Legends.Add(Legend(position, placement, LegendOrientation.Vertical));

    /// <summary>A legend in one row above the plot area, where no curve can run under it (PR, ROC, threshold curves).</summary>
    public static void AddLegendAbove(PlotModel model) =>
        model.Legends.Add(Legend(LegendPosition.TopCenter, LegendPlacement.Outside, LegendOrientation.Horizontal));

    private static Legend Legend(LegendPosition position, LegendPlacement placement, LegendOrientation orientation) =>
        new()
        {
            LegendPosition = position,
            LegendPlacement = placement,
            LegendOrientation = orientation,
            LegendFontSize = FontSize - 0.5,
            LegendBackground = OxyColor.FromAColor(225, OxyColors.White),
            LegendBorder = OxyColor.FromRgb(0xB0, 0xB0, 0xB0),
            LegendBorderThickness = 0.5,
            LegendPadding = 3,
            LegendMargin = 4,
            LegendItemSpacing = 6,
            LegendLineSpacing = 0,
            LegendSymbolLength = 22,
        };

    /// <summary>A line for a loss in that loss's colour, dash pattern and markers.</summary>
    public static SparseMarkerLineSeries LossLine(LossStyle style, string? title, double thickness = 1.6, int markers = 6, double phase = 0) => new()
    {
        Title = title,
        Color = style.Color,
        StrokeThickness = thickness,
        LineStyle = style.Line,
        MarkerType = markers > 0 ? style.Marker : MarkerType.None,
        MarkerCount = markers,
        MarkerPhase = phase,
        MarkerSize = 2.6,
        MarkerFill = OxyColors.White,
        MarkerStroke = style.Color,
        MarkerStrokeThickness = 1,
        RenderInLegend = title is not null,
    };

    /// <summary>A thin, faded line for one seed: present for spread, quiet next to the mean.</summary>
    /// <summary>
    /// One <see cref="LossLine"/> per loss whose scores hold both classes, the curve's points decimated, marker phases
    /// staggered so the markers of overlapping curves do not stack. A loss without both classes gets no line.
    /// </summary>
    public static void AddLossCurves(PlotModel model, LossPalette palette, IReadOnlyList<(string Loss, Data.ScoreSet Scores, string Legend)> curves,
        Func<Data.ScoreSet, (double[] X, double[] Y)> curve)
    {
        for (var i = 0; i < curves.Count; i++)
        {
            var (loss, scores, legend) = curves[i];
            if (!scores.HasBothClasses)
                continue;
            var (x, y) = curve(scores);
            var series = LossLine(palette[loss], legend, phase: (double)i / curves.Count);
            series.Points.AddRange(Decimate.Curve(x, y));
            model.Series.Add(series);
        }
    }

    public static SparseMarkerLineSeries SeedLine(LossStyle style) => new()
    {
        Color = style.Faded(90),
        StrokeThickness = 0.6,
        LineStyle = LineStyle.Solid,
        MarkerType = MarkerType.None,
        RenderInLegend = false,
    };

    /// <summary>A grey reference line (chance diagonal, prevalence, perfect calibration).</summary>
    public static OxyPlot.Series.LineSeries Reference(string? title, params DataPoint[] points)
    {
        var series = new OxyPlot.Series.LineSeries
        {
            Title = title,
            Color = ReferenceColor,
            StrokeThickness = 0.8,
            LineStyle = LineStyle.Dot,
            RenderInLegend = title is not null,
        };
        series.Points.AddRange(points);
        return series;
    }

    /// <summary>A note drawn in place of a plot when there is nothing to show, so a panel is never silently empty.</summary>
    public static PlotModel Empty(FontSet fonts, string title, string note)
    {
        var model = Model(fonts, title);
        model.Axes.Add(Linear(AxisPosition.Bottom, "", 0, 1));
        model.Axes.Add(Linear(AxisPosition.Left, "", 0, 1));
        foreach (var axis in model.Axes)
        {
            axis.IsAxisVisible = false;
            axis.MajorGridlineStyle = LineStyle.None;
        }

        model.Annotations.Add(new OxyPlot.Annotations.TextAnnotation
        {
            Text = note,
            TextPosition = new DataPoint(0.5, 0.5),
            TextHorizontalAlignment = HorizontalAlignment.Center,
            TextVerticalAlignment = VerticalAlignment.Middle,
            Stroke = OxyColors.Transparent,
            TextColor = ReferenceColor,
            FontSize = FontSize + 0.5,
        });
        return model;
    }
}
