using SkiaSharp;

namespace LossLab.Reports.Layout.Elements;

/// <summary>A plot or panel of fixed height and the full available width; never split across pages.</summary>
internal sealed class Figure(IFigureContent content, float height) : Element
{
    private bool _drawn;

    protected override void ResetOwnState() => _drawn = false;

    public override SpacePlan Measure(Size available)
    {
        if (_drawn)
            return SpacePlan.Empty();
        return height <= available.Height + Size.Epsilon
            ? SpacePlan.Full(new Size(available.Width, height))
            : SpacePlan.Wrap();
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        canvas.DrawFigure(content, new SKRect(0, 0, available.Width, height));
        _drawn = true;
    }
}
