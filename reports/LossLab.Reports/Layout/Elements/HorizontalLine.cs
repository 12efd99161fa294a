using SkiaSharp;

namespace LossLab.Reports.Layout.Elements;

/// <summary>A rule across the available width.</summary>
internal sealed class HorizontalLine(float thickness, SKColor color) : Element
{
    private bool _drawn;

    protected override void ResetOwnState() => _drawn = false;

    public override SpacePlan Measure(Size available)
    {
        if (_drawn)
            return SpacePlan.Empty();
        return thickness <= available.Height + Size.Epsilon ? SpacePlan.Full(new Size(available.Width, thickness)) : SpacePlan.Wrap();
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        canvas.DrawLine(new SKPoint(0, thickness / 2), new SKPoint(available.Width, thickness / 2), color, thickness);
        _drawn = true;
    }
}
