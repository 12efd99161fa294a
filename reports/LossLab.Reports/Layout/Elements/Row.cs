namespace LossLab.Reports.Layout.Elements;

/// <summary>A horizontal item's width: a constant in points, or a share of what the constant items leave.</summary>
internal readonly record struct RowWidth(bool IsConstant, float Value)
{
    public static RowWidth Constant(float points) =>
        points >= 0 ? new(true, points) : throw new ArgumentOutOfRangeException(nameof(points), "A width cannot be negative.");

    public static RowWidth Relative(float share) =>
        share > 0 ? new(false, share) : throw new ArgumentOutOfRangeException(nameof(share), "A relative width must be positive.");

    /// <summary>Resolves widths: constants first, the rest shared in proportion, minus the gaps.</summary>
    public static float[] Resolve(IReadOnlyList<RowWidth> widths, float available, float spacing)
    {
        var constant = widths.Where(w => w.IsConstant).Sum(w => w.Value);
        var shares = widths.Where(w => !w.IsConstant).Sum(w => w.Value);
        var free = Math.Max(0, available - constant - spacing * Math.Max(0, widths.Count - 1));
        return widths.Select(w => w.IsConstant ? w.Value : shares == 0 ? 0 : free * w.Value / shares).ToArray();
    }
}

/// <summary>Places items side by side; the row is as tall as its tallest item.</summary>
internal sealed class Row(IReadOnlyList<(RowWidth Width, Element Item)> items, float spacing) : Element
{
    public override IEnumerable<Element> Children => items.Select(i => i.Item);

    public override SpacePlan Measure(Size available)
    {
        var widths = RowWidth.Resolve(items.Select(i => i.Width).ToList(), available.Width, spacing);
        var plans = items.Select((item, i) => item.Item.Measure(new Size(widths[i], available.Height))).ToList();
        if (plans.Any(p => p.Kind == SpacePlanKind.Wrap))
            return SpacePlan.Wrap();
        if (plans.All(p => p.Kind == SpacePlanKind.Empty))
            return SpacePlan.Empty();

        var size = new Size(available.Width, plans.Max(p => p.Height));
        return plans.All(p => p.Completes) ? SpacePlan.Full(size) : SpacePlan.Partial(size);
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        var widths = RowWidth.Resolve(items.Select(i => i.Width).ToList(), available.Width, spacing);
        var left = 0f;
        for (var i = 0; i < items.Count; i++)
        {
            canvas.Translate(left, 0);
            items[i].Item.Draw(canvas, new Size(widths[i], available.Height));
            canvas.Translate(-left, 0);
            left += widths[i] + spacing;
        }
    }
}
