using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using OxyPlot;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>
/// One legend line for a whole figure of panels ("– – 0.5   ····· max_f1   ▲ max_f1 …"): with several objectives a legend
/// inside each small panel would cover the bars, and the styles are the same in every panel anyway.
/// </summary>
internal sealed class ThresholdKey(FontSet fonts, string lead, IReadOnlyList<ThresholdKey.Entry> entries) : IFigureContent
{
    public const float Height = 11;
    private const double FontSize = 6.5;
    private const double Sample = 18;
    private static readonly OxyColor Ink = OxyColor.FromRgb(0x30, 0x30, 0x30);

    /// <summary>A label with a line sample, a marker, or both.</summary>
    public sealed record Entry(string Label, LineStyle? Line, MarkerType? Marker, OxyColor? Color = null);

    /// <summary>
    /// The key of figures that mark tuned thresholds: 0.5 grey dashed, then each objective in its
    /// <see cref="ObjectiveStyles"/> line (histograms) or marker (threshold curves).
    /// </summary>
    public static ThresholdKey ForObjectives(FontSet fonts, IEnumerable<string> objectives, bool markers) =>
        new(fonts, "Thresholds:", [new("0.5", ObjectiveStyles.FixedThresholdLine, null, Plots.ReferenceColor),
            .. objectives.Select((o, i) => new Entry($"tuned for {o}", markers ? null : ObjectiveStyles.Line(i), markers ? ObjectiveStyles.Marker(i) : null))]);

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        using var context = new ReportRenderContext(canvas, fonts);
        var y = bounds.MidY;
        var x = (double)bounds.Left;
        context.DrawText(new ScreenPoint(x, y), lead, Ink, fontSize: FontSize, verticalAlignment: VerticalAlignment.Middle);
        x += context.MeasureText(lead, fontSize: FontSize).Width + 6;
        foreach (var entry in entries)
        {
            var color = entry.Color ?? Ink;
            if (entry.Line is { } line)
                context.DrawLine([new ScreenPoint(x, y), new ScreenPoint(x + Sample, y)], color, 1.1, EdgeRenderingMode.Automatic, line.GetDashArray(), LineJoin.Miter);
            if (entry.Marker is { } marker)
                context.DrawMarker(new ScreenPoint(x + Sample / 2, y), marker, null, 2.6, color, color, 0.8, EdgeRenderingMode.Automatic);
            x += Sample + 3;
            context.DrawText(new ScreenPoint(x, y), entry.Label, Ink, fontSize: FontSize, verticalAlignment: VerticalAlignment.Middle);
            x += context.MeasureText(entry.Label, fontSize: FontSize).Width + 10;
        }
    }
}

/// <summary>A figure with a <see cref="ThresholdKey"/> strip on top.</summary>
internal sealed class KeyedFigure(ThresholdKey key, IFigureContent content) : IFigureContent
{
    private const float Gap = 3;

    public IFigureContent Content => content;

    public static float HeightFor(float contentHeight) => ThresholdKey.Height + Gap + contentHeight;

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        key.Draw(canvas, new SKRect(bounds.Left, bounds.Top, bounds.Right, bounds.Top + ThresholdKey.Height));
        content.Draw(canvas, new SKRect(bounds.Left, bounds.Top + ThresholdKey.Height + Gap, bounds.Right, bounds.Bottom));
    }
}
