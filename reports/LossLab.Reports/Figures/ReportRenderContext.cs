using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>
/// OxyPlot's Skia context with the report's own faces for every plot text. OxyPlot.SkiaSharp 2.2 looks the family
/// up through the system font manager (its typeface lookup is private), which would embed a second font in the PDF
/// and, on a machine without fonts, fall back to a face with no glyphs. So shapes go to <see cref="SkiaRenderContext"/>
/// and text is drawn and measured here, as its non-shaping path does (see <c>SkiaRenderContext.DrawText</c>).
/// </summary>
internal sealed class ReportRenderContext(SKCanvas canvas, FontSet fonts) : IRenderContext, IDisposable
{
    /// <summary>OxyPlot's weights are CSS-like numbers: 400 regular, 700 bold; 600 and up reads as bold.</summary>
    private const double BoldWeight = 600;

    private readonly SkiaRenderContext _shapes = new() { SkCanvas = canvas, RenderTarget = RenderTarget.VectorGraphic, UseTextShaping = false };
    private readonly SKPaint _textPaint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public bool RendersToScreen => false;

    public int ClipCount => _shapes.ClipCount;

    public void DrawText(ScreenPoint p, string text, OxyColor fill, string? fontFamily = null, double fontSize = 10, double fontWeight = 400,
        double rotation = 0, HorizontalAlignment horizontalAlignment = HorizontalAlignment.Left,
        VerticalAlignment verticalAlignment = VerticalAlignment.Top, OxySize? maxSize = null)
    {
        if (text is null || !fill.IsVisible())
            return;
        var style = Style(fontSize, fontWeight);
        var font = fonts.Font(style);
        var lines = text.Split('\n');
        var lineHeight = font.GetFontMetrics(out var metrics);
        var deltaY = verticalAlignment switch
        {
            VerticalAlignment.Top => -metrics.Ascent,
            VerticalAlignment.Middle => -(metrics.Ascent + metrics.Descent + lineHeight * (lines.Length - 1)) / 2,
            _ => -metrics.Descent - lineHeight * (lines.Length - 1),
        };
        var align = horizontalAlignment switch
        {
            HorizontalAlignment.Center => SKTextAlign.Center,
            HorizontalAlignment.Right => SKTextAlign.Right,
            _ => SKTextAlign.Left,
        };

        _textPaint.Color = fill.ToSKColor();
        using var restore = new SKAutoCanvasRestore(canvas);
        canvas.Translate((float)p.X, (float)p.Y);
        canvas.RotateDegrees((float)rotation);
        foreach (var line in lines)
        {
            fonts.Draw(canvas, line.TrimEnd('\r'), 0, deltaY, align, style, _textPaint);
            deltaY += lineHeight;
        }
    }

    public OxySize MeasureText(string text, string? fontFamily = null, double fontSize = 10, double fontWeight = 500)
    {
        if (text is null)
            return new OxySize(0, 0);
        var style = Style(fontSize, fontWeight);
        var lines = text.Split('\n');
        var width = lines.Max(line => fonts.Measure(line.TrimEnd('\r'), style));
        return new OxySize(width, fonts.Font(style).Spacing * lines.Length);
    }

    private static TextStyle Style(double size, double weight) => new((float)size, Bold: weight >= BoldWeight);

    public void DrawEllipse(OxyRect extents, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _shapes.DrawEllipse(extents, fill, stroke, thickness, edgeRenderingMode);

    public void DrawEllipses(IList<OxyRect> extents, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _shapes.DrawEllipses(extents, fill, stroke, thickness, edgeRenderingMode);

    public void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        _shapes.DrawLine(points, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawLineSegments(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        _shapes.DrawLineSegments(points, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        _shapes.DrawPolygon(points, fill, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawPolygons(IList<IList<ScreenPoint>> polygons, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray = null, LineJoin lineJoin = LineJoin.Miter) =>
        _shapes.DrawPolygons(polygons, fill, stroke, thickness, edgeRenderingMode, dashArray, lineJoin);

    public void DrawRectangle(OxyRect rectangle, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _shapes.DrawRectangle(rectangle, fill, stroke, thickness, edgeRenderingMode);

    public void DrawRectangles(IList<OxyRect> rectangles, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _shapes.DrawRectangles(rectangles, fill, stroke, thickness, edgeRenderingMode);

    public void DrawImage(OxyImage source, double srcX, double srcY, double srcWidth, double srcHeight, double destX, double destY, double destWidth, double destHeight, double opacity, bool interpolate) =>
        _shapes.DrawImage(source, srcX, srcY, srcWidth, srcHeight, destX, destY, destWidth, destHeight, opacity, interpolate);

    public void PushClip(OxyRect clippingRectangle) => _shapes.PushClip(clippingRectangle);

    public void PopClip() => _shapes.PopClip();

    public void SetToolTip(string text) => _shapes.SetToolTip(text);

    public void CleanUp() => _shapes.CleanUp();

    public void Dispose()
    {
        _shapes.Dispose();
        _textPaint.Dispose();
    }
}
