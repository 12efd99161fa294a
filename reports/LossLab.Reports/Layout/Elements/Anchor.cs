namespace LossLab.Reports.Layout.Elements;

/// <summary>A named destination at the top-left of its child, and the page it landed on for a contents block.</summary>
internal sealed class Anchor(LayoutContext context, string name, Element child) : Element
{
    public override IEnumerable<Element> Children => [child];

    public override SpacePlan Measure(Size available) => child.Measure(available);

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        // Only the first page of a split child is its destination.
        if (context.DestinationPages.TryAdd(name, context.Pages.Current) || context.DestinationPages[name] == context.Pages.Current)
            canvas.NameDestination(name);
        child.Draw(canvas, available);
    }
}
