namespace LossLab.Reports.Layout.Elements;

/// <summary>Stacks items top to bottom with spacing; continues on the next page from the first unfinished item.</summary>
internal sealed class Column(IReadOnlyList<Element> items, float spacing) : Element
{
    private int _next;

    public override IEnumerable<Element> Children => items;

    protected override void ResetOwnState() => _next = 0;

    public override SpacePlan Measure(Size available)
    {
        if (_next >= items.Count)
            return SpacePlan.Empty();

        var placed = Plan(available);
        if (placed.Count == 0)
            return SpacePlan.Wrap();

        // Empty items take no space, so the height ends at the last visible item (no trailing spacing).
        var height = placed.Where(p => p.Plan.Kind != SpacePlanKind.Empty).Select(p => p.Top + p.Plan.Height).DefaultIfEmpty(0).Max();
        var width = placed.Max(p => p.Plan.Width);
        var finishes = _next + placed.Count(p => p.Plan.Completes) == items.Count;
        var size = new Size(width, height);
        return finishes ? SpacePlan.Full(size) : SpacePlan.Partial(size);
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        var placed = Plan(available);
        foreach (var (item, plan, top) in placed)
        {
            canvas.Translate(0, top);
            item.Draw(canvas, new Size(available.Width, plan.Height));
            canvas.Translate(0, -top);
        }

        _next += placed.Count(p => p.Plan.Completes);
    }

    private List<(Element Item, SpacePlan Plan, float Top)> Plan(Size available)
    {
        var placed = new List<(Element, SpacePlan, float)>();
        var top = 0f;
        for (var i = _next; i < items.Count; i++)
        {
            var space = new Size(available.Width, Math.Max(0, available.Height - top));
            var plan = items[i].Measure(space);
            if (plan.Kind == SpacePlanKind.Wrap)
                break;

            placed.Add((items[i], plan, top));
            if (plan.Kind == SpacePlanKind.Empty)
                continue;

            if (plan.Kind == SpacePlanKind.Partial)
                break;
            top += plan.Height + spacing;
        }

        return placed;
    }
}
