namespace LossLab.Reports.Layout.Elements;

/// <summary>A slot that holds at most one element; the fluent extensions fill it.</summary>
internal sealed class Container(LayoutContext context) : Element, IContainer
{
    public LayoutContext Context { get; } = context;

    public Element? Child { get; private set; }

    public override IEnumerable<Element> Children => Child is null ? [] : [Child];

    public void SetChild(Element element)
    {
        if (Child is not null)
            throw new InvalidOperationException("This container already has content; use Column() to stack several elements.");
        Child = element;
    }

    public override SpacePlan Measure(Size available) => Child?.Measure(available) ?? SpacePlan.Empty();

    public override void Draw(IDrawingCanvas canvas, Size available) => Child?.Draw(canvas, available);
}
