using SkiaSharp;

namespace LossLab.Reports.Layout;

/// <summary>
/// The few drawing operations the layout elements need. Coordinates are points, origin top-left, and relative to
/// the current translation. The PDF canvas draws them; the layout pass ignores them; tests record them.
/// </summary>
internal interface IDrawingCanvas
{
    void BeginPage(Size pageSize);
    void EndPage();
    void Translate(float dx, float dy);
    /// <param name="baseline">Y of the text's baseline.</param>
    void DrawText(string text, float x, float baseline, TextStyle style);
    void FillRectangle(SKRect rectangle, SKColor color);
    void DrawLine(SKPoint from, SKPoint to, SKColor color, float width);
    /// <summary>Draws a figure's content (a plot or a custom panel) into <paramref name="bounds"/>, clipped to it.</summary>
    void DrawFigure(IFigureContent content, SKRect bounds);
    /// <summary>Names the current origin as a destination that bookmarks and links can point to.</summary>
    void NameDestination(string name);
}
