using SkiaSharp;

namespace LossLab.Reports.Layout.Elements;

/// <summary>
/// A grid whose rows are never split; when the rows go on over a page break, the header row is drawn again at the
/// top of the next page.
/// </summary>
internal sealed class Table(IReadOnlyList<RowWidth> columns, IReadOnlyList<Element> header, IReadOnlyList<IReadOnlyList<Element>> rows)
    : Element
{
    private const float CellPaddingX = 3f;
    private const float CellPaddingY = 2.2f;
    private static readonly SKColor HeaderFill = new(0xEC, 0xEE, 0xF1);
    private static readonly SKColor RuleColor = new(0x55, 0x55, 0x55);
    private static readonly SKColor SeparatorColor = new(0xD8, 0xD8, 0xD8);

    private int _next;
    private bool _finished;

    public override IEnumerable<Element> Children => header.Concat(rows.SelectMany(r => r));

    protected override void ResetOwnState()
    {
        _next = 0;
        _finished = false;
    }

    public override SpacePlan Measure(Size available)
    {
        if (_finished)
            return SpacePlan.Empty();

        var widths = RowWidth.Resolve(columns, available.Width, 0);
        var headerHeight = RowHeight(header, widths);
        if (headerHeight > available.Height + Size.Epsilon)
            return SpacePlan.Wrap();

        var (count, height) = FittingRows(widths, available.Height - headerHeight);
        if (count == 0 && _next < rows.Count)
            return SpacePlan.Wrap();

        var size = new Size(available.Width, headerHeight + height);
        return _next + count == rows.Count ? SpacePlan.Full(size) : SpacePlan.Partial(size);
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        var widths = RowWidth.Resolve(columns, available.Width, 0);
        var headerHeight = RowHeight(header, widths);
        canvas.FillRectangle(new SKRect(0, 0, available.Width, headerHeight), HeaderFill);
        DrawRow(canvas, header, widths, headerHeight);
        // Header cells are drawn on every page the table reaches, so they must start over each time.
        foreach (var cell in header)
            cell.ResetState();
        canvas.DrawLine(new SKPoint(0, headerHeight), new SKPoint(available.Width, headerHeight), RuleColor, 0.8f);

        var (count, _) = FittingRows(widths, available.Height - headerHeight);
        var top = headerHeight;
        for (var i = _next; i < _next + count; i++)
        {
            var height = RowHeight(rows[i], widths);
            canvas.Translate(0, top);
            DrawRow(canvas, rows[i], widths, height);
            canvas.Translate(0, -top);
            top += height;
            var separator = i == rows.Count - 1 ? RuleColor : SeparatorColor;
            canvas.DrawLine(new SKPoint(0, top), new SKPoint(available.Width, top), separator, i == rows.Count - 1 ? 0.8f : 0.4f);
        }

        _next += count;
        _finished = _next == rows.Count;
    }

    private (int Count, float Height) FittingRows(float[] widths, float availableHeight)
    {
        var height = 0f;
        var count = 0;
        for (var i = _next; i < rows.Count; i++)
        {
            var rowHeight = RowHeight(rows[i], widths);
            if (height + rowHeight > availableHeight + Size.Epsilon)
                break;
            height += rowHeight;
            count++;
        }

        return (count, height);
    }

    private static float RowHeight(IReadOnlyList<Element> cells, float[] widths)
    {
        var height = 0f;
        for (var i = 0; i < cells.Count && i < widths.Length; i++)
        {
            var plan = cells[i].Measure(new Size(Math.Max(1, widths[i] - 2 * CellPaddingX), float.PositiveInfinity));
            height = Math.Max(height, plan.Height);
        }

        return height + 2 * CellPaddingY;
    }

    private static void DrawRow(IDrawingCanvas canvas, IReadOnlyList<Element> cells, float[] widths, float height)
    {
        var left = 0f;
        for (var i = 0; i < cells.Count && i < widths.Length; i++)
        {
            canvas.Translate(left + CellPaddingX, CellPaddingY);
            cells[i].Draw(canvas, new Size(Math.Max(1, widths[i] - 2 * CellPaddingX), height - 2 * CellPaddingY));
            canvas.Translate(-left - CellPaddingX, -CellPaddingY);
            left += widths[i];
        }
    }
}
