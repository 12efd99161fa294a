namespace LossLab.Reports.Layout.Elements;

/// <summary>
/// Moves its child to the next page rather than splitting it, as long as the child fits on one page at all;
/// content taller than a page is split anyway (refusing would loop forever). With a
/// <paramref name="minimumSplitStart"/> (a fraction of the page body), content taller than a page starts on the next
/// page too unless at least that much of this page is left, so a long section never opens with its heading alone.
/// </summary>
internal sealed class KeepTogether(Element child, float minimumSplitStart = 0) : Element
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
        if (whole.Kind == SpacePlanKind.Full)
            return SpacePlan.Wrap();
        var atPageTop = available.Height >= PageBodyHeight - Size.Epsilon;
        return atPageTop || available.Height >= minimumSplitStart * PageBodyHeight ? plan : SpacePlan.Wrap();
    }

    public override void Draw(IDrawingCanvas canvas, Size available) => child.Draw(canvas, available);
}
