using SkiaSharp;

namespace LossLab.Reports.Layout;

/// <summary>The canvas of the page-counting pass: elements advance their state, nothing is drawn.</summary>
internal sealed class LayoutPassCanvas : IDrawingCanvas
{
    public void BeginPage(Size pageSize)
    {
    }

    public void EndPage()
    {
    }

    public void Translate(float dx, float dy)
    {
    }

    public void DrawText(string text, float x, float baseline, TextStyle style)
    {
    }

    public void FillRectangle(SKRect rectangle, SKColor color)
    {
    }

    public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width)
    {
    }

    public void DrawFigure(IFigureContent content, SKRect bounds)
    {
    }

    public void NameDestination(string name)
    {
    }
}
