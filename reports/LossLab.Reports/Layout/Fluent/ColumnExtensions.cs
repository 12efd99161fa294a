using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal sealed class ColumnDescriptor
{
    private readonly LayoutContext _context;
    private readonly List<Element> _items = [];

    internal ColumnDescriptor(LayoutContext context) => _context = context;

    internal float SpacingValue { get; private set; }

    internal IReadOnlyList<Element> Items => _items;

    public void Spacing(float value) =>
        SpacingValue = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Spacing cannot be negative.");

    /// <summary>Adds an item and returns its container.</summary>
    public IContainer Item()
    {
        var container = new Container(_context);
        _items.Add(container);
        return container;
    }
}

internal static class ColumnExtensions
{
    /// <summary>Stacks items vertically; pages break between items (or inside one that can split).</summary>
    public static void Column(this IContainer container, Action<ColumnDescriptor> compose)
    {
        var descriptor = new ColumnDescriptor(container.Context);
        compose(descriptor);
        container.Element(new Column(descriptor.Items, descriptor.SpacingValue));
    }
}
