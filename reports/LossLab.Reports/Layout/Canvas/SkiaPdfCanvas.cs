using LossLab.Reports.Fonts;
using SkiaSharp;

namespace LossLab.Reports.Layout;

/// <summary>Draws onto the pages of a Skia PDF document. Text stays text (extractable), plots stay vectors.</summary>
internal sealed class SkiaPdfCanvas(SKDocument document, FontSet fonts) : IDrawingCanvas, IDisposable
{
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private SKCanvas? _canvas;

    private SKCanvas Canvas => _canvas ?? throw new InvalidOperationException("No page has been begun.");

    public void BeginPage(Size pageSize) => _canvas = document.BeginPage(pageSize.Width, pageSize.Height);

    public void EndPage()
    {
        document.EndPage();
        _canvas = null;
    }

    public void Translate(float dx, float dy) => Canvas.Translate(dx, dy);

    public void DrawText(string text, float x, float baseline, TextStyle style)
    {
        _fill.Color = style.Ink;
        fonts.Draw(Canvas, text, x, baseline, SKTextAlign.Left, style, _fill);
    }

    public void FillRectangle(SKRect rectangle, SKColor color)
    {
        _fill.Color = color;
        Canvas.DrawRect(rectangle, _fill);
    }

    public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width)
    {
        _stroke.Color = color;
        _stroke.StrokeWidth = width;
        Canvas.DrawLine(from, to, _stroke);
    }

    public void DrawFigure(IFigureContent content, SKRect bounds)
    {
        var canvas = Canvas;
        canvas.Save();
        canvas.ClipRect(bounds);
        content.Draw(canvas, bounds);
        canvas.Restore();
    }

    public void NameDestination(string name) => Canvas.DrawNamedDestinationAnnotation(SKPoint.Empty, name);

    public void Dispose()
    {
        _fill.Dispose();
        _stroke.Dispose();
    }
}
