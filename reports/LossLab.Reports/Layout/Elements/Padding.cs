namespace LossLab.Reports.Layout.Elements;

/// <summary>Adds space around its child.</summary>
internal sealed class Padding(Element child, float top, float right, float bottom, float left) : Element
{
    public override IEnumerable<Element> Children => [child];

    public override SpacePlan Measure(Size available)
    {
        var inner = Inner(available);
        if (inner.Width < 0 || inner.Height < 0)
            return SpacePlan.Wrap();

        var plan = child.Measure(inner);
        if (plan.Kind is SpacePlanKind.Empty or SpacePlanKind.Wrap)
            return plan;

        var size = new Size(plan.Width + left + right, plan.Height + top + bottom);
        return plan.Kind == SpacePlanKind.Partial ? SpacePlan.Partial(size) : SpacePlan.Full(size);
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        canvas.Translate(left, top);
        child.Draw(canvas, Inner(available));
        canvas.Translate(-left, -top);
    }

    private Size Inner(Size available) => new(available.Width - left - right, available.Height - top - bottom);
}
