namespace LossLab.Reports.Layout.Elements;

/// <summary>Ends the page: takes no space but reports itself unfinished once, so the column stops here.</summary>
internal sealed class PageBreak : Element
{
    private bool _broken;

    protected override void ResetOwnState() => _broken = false;

    public override SpacePlan Measure(Size available) =>
        _broken ? SpacePlan.Empty() : SpacePlan.Partial(Size.Zero);

    public override void Draw(IDrawingCanvas canvas, Size available) => _broken = true;
}
