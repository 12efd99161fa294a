using LossLab.Reports.Layout;
using SkiaSharp;

namespace LossLab.Reports.Tests.Support;

/// <summary>Records drawing operations in page coordinates (translations applied), as QuestPDF's test engine does.</summary>
internal sealed class RecordingCanvas : IDrawingCanvas
{
    private float _x;
    private float _y;

    public List<RecordedPage> Pages { get; } = [];

    private RecordedPage Page => Pages[^1];

    public void BeginPage(Size pageSize) => Pages.Add(new RecordedPage(pageSize));

    public void EndPage()
    {
        if (Math.Abs(_x) > 0.001 || Math.Abs(_y) > 0.001)
            throw new InvalidOperationException($"Unbalanced translation at the end of page {Pages.Count}: ({_x}, {_y}).");
    }

    public void Translate(float dx, float dy)
    {
        _x += dx;
        _y += dy;
    }

    public void DrawText(string text, float x, float baseline, TextStyle style) =>
        Page.Texts.Add(new RecordedText(text, _x + x, _y + baseline, style));

    public void FillRectangle(SKRect rectangle, SKColor color) =>
        Page.Rectangles.Add(new SKRect(_x + rectangle.Left, _y + rectangle.Top, _x + rectangle.Right, _y + rectangle.Bottom));

    public void DrawLine(SKPoint from, SKPoint to, SKColor color, float width) =>
        Page.Lines.Add((new SKPoint(_x + from.X, _y + from.Y), new SKPoint(_x + to.X, _y + to.Y)));

    public void DrawFigure(IFigureContent content, SKRect bounds) =>
        Page.Figures.Add((content, new SKRect(_x + bounds.Left, _y + bounds.Top, _x + bounds.Right, _y + bounds.Bottom)));

    public void NameDestination(string name) => Page.Destinations.Add((name, new SKPoint(_x, _y)));
}

internal sealed record RecordedText(string Text, float X, float Baseline, TextStyle Style);

internal sealed class RecordedPage(Size size)
{
    public Size Size { get; } = size;
    public List<RecordedText> Texts { get; } = [];
    public List<SKRect> Rectangles { get; } = [];
    public List<(SKPoint From, SKPoint To)> Lines { get; } = [];
    public List<(IFigureContent Content, SKRect Bounds)> Figures { get; } = [];
    public List<(string Name, SKPoint At)> Destinations { get; } = [];

    public string AllText => string.Join(" ", Texts.Select(t => t.Text));
}
