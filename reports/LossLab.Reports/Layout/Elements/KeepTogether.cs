namespace LossLab.Reports.Layout.Elements;

/// <summary>
/// Moves its child to the next page rather than splitting it, as long as the child fits on one page at all;
/// content taller than a page is split anyway (refusing would loop forever).
/// </summary>
internal sealed class KeepTogether(Element child) : Element
{
    /// <summary>Set by the document before layout: the height of a page's body.</summary>
    public float PageBodyHeight { get; set; } = float.PositiveInfinity;

    public override IEnumerable<Element> Children => [child];

    public override SpacePlan Measure(Size available)
    {
        var plan = child.Measure(available);
        if (plan.Kind != SpacePlanKind.Partial)
            return plan;

        var whole = child.Measure(new Size(available.Width, PageBodyHeight));
        return whole.Kind == SpacePlanKind.Full ? SpacePlan.Wrap() : plan;
    }

    public override void Draw(IDrawingCanvas canvas, Size available) => child.Draw(canvas, available);
}
