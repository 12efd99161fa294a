using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal sealed class TableDescriptor
{
    private readonly LayoutContext _context;
    private readonly List<RowWidth> _columns = [];
    private readonly List<Element> _header = [];
    private readonly List<Element> _cells = [];

    internal TableDescriptor(LayoutContext context) => _context = context;

    public void RelativeColumn(float share = 1) => _columns.Add(RowWidth.Relative(share));

    public void ConstantColumn(float width) => _columns.Add(RowWidth.Constant(width));

    /// <summary>The next header cell (left to right); the header repeats on every page the table reaches.</summary>
    public IContainer HeaderCell() => Add(_header);

    /// <summary>The next body cell, filling rows left to right, top to bottom.</summary>
    public IContainer Cell() => Add(_cells);

    private Container Add(List<Element> cells)
    {
        var container = new Container(_context);
        cells.Add(container);
        return container;
    }

    internal Table Build()
    {
        if (_columns.Count == 0)
            throw new InvalidOperationException("A table needs at least one column.");
        if (_header.Count > _columns.Count)
            throw new InvalidOperationException($"The table has {_columns.Count} columns but {_header.Count} header cells.");
        if (_cells.Count % _columns.Count != 0)
            throw new InvalidOperationException($"{_cells.Count} cells do not fill rows of {_columns.Count} columns.");

        var rows = _cells.Chunk(_columns.Count).Select(r => (IReadOnlyList<Element>)r).ToList();
        return new Table(_columns, _header, rows);
    }
}

internal static class TableExtensions
{
    public static void Table(this IContainer container, Action<TableDescriptor> compose)
    {
        var descriptor = new TableDescriptor(container.Context);
        compose(descriptor);
        container.Element(descriptor.Build());
    }
}
