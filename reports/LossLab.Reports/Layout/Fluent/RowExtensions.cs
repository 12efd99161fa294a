using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal sealed class RowDescriptor
{
    private readonly LayoutContext _context;
    private readonly List<(RowWidth, Element)> _items = [];

    internal RowDescriptor(LayoutContext context) => _context = context;

    internal float SpacingValue { get; private set; }

    internal IReadOnlyList<(RowWidth Width, Element Item)> Items => _items;

    public void Spacing(float value) =>
        SpacingValue = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Spacing cannot be negative.");

    /// <summary>An item taking <paramref name="share"/> of the width left after the constant items.</summary>
    public IContainer RelativeItem(float share = 1) => Add(RowWidth.Relative(share));

    /// <summary>An item exactly <paramref name="width"/> points wide.</summary>
    public IContainer ConstantItem(float width) => Add(RowWidth.Constant(width));

    private Container Add(RowWidth width)
    {
        var container = new Container(_context);
        _items.Add((width, container));
        return container;
    }
}

internal static class RowExtensions
{
    public static void Row(this IContainer container, Action<RowDescriptor> compose)
    {
        var descriptor = new RowDescriptor(container.Context);
        compose(descriptor);
        container.Element(new Row(descriptor.Items, descriptor.SpacingValue));
    }
}
