using LossLab.Reports.Fonts;
using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout;

/// <summary>
/// Pages a composed element tree. Rendering takes two passes, as "Page 3 of 9" needs the total before page 1 is
/// drawn: a layout pass on a canvas that draws nothing counts the pages, every element's paging state is reset,
/// and the drawing pass draws for real.
/// </summary>
internal sealed class Document
{
    /// <summary>A runaway guard: no LossLab report comes near this, a layout bug would.</summary>
    private const int MaxPages = 2000;

    private readonly PageDescriptor _page;

    private Document(LayoutContext context, PageDescriptor page)
    {
        Context = context;
        _page = page;
    }

    public LayoutContext Context { get; }

    public Size PageSize => _page.PageSize;

    public static Document Create(FontSet fonts, Action<PageDescriptor> compose)
    {
        var context = new LayoutContext(fonts);
        var page = new PageDescriptor(context);
        compose(page);
        return new Document(context, page);
    }

    /// <summary>Draws every page onto <paramref name="canvas"/> and returns the page count.</summary>
    public int Render(IDrawingCanvas canvas)
    {
        var total = RenderPages(new LayoutPassCanvas(), totalPages: 0);
        ResetAll();
        var drawn = RenderPages(canvas, total);
        if (drawn != total)
            throw new InvalidOperationException($"The layout pass counted {total} pages but the drawing pass drew {drawn}.");
        return drawn;
    }

    private void ResetAll()
    {
        _page.HeaderSlot.ResetState();
        _page.ContentSlot.ResetState();
        _page.FooterSlot.ResetState();
    }

    private int RenderPages(IDrawingCanvas canvas, int totalPages)
    {
        Context.Pages.Total = totalPages;
        var width = _page.PageSize.Width - 2 * _page.Margin;
        var headerHeight = FixedSlotHeight(_page.HeaderSlot, width);
        var footerHeight = FixedSlotHeight(_page.FooterSlot, width);
        var bodyTop = _page.Margin + (headerHeight > 0 ? headerHeight + _page.SlotSpacing : 0);
        var bodyBottom = _page.PageSize.Height - _page.Margin - (footerHeight > 0 ? footerHeight + _page.SlotSpacing : 0);
        var body = new Size(width, bodyBottom - bodyTop);
        foreach (var keep in _page.ContentSlot.Descendants().OfType<KeepTogether>())
            keep.PageBodyHeight = body.Height;

        var pages = 0;
        while (true)
        {
            var plan = _page.ContentSlot.Measure(body);
            // Nothing visible left (e.g. only a trailing page break): no blank last page.
            if (pages > 0 && plan.Kind != SpacePlanKind.Partial && plan.Height < Size.Epsilon)
                break;
            if (plan.Kind == SpacePlanKind.Wrap)
                throw new InvalidOperationException($"Content on page {pages + 1} does not fit even on an empty page ({body.Width:0} x {body.Height:0} pt).");
            if (++pages > MaxPages)
                throw new InvalidOperationException($"The document passed {MaxPages} pages: a layout element never finishes.");

            Context.Pages.Current = pages;
            canvas.BeginPage(_page.PageSize);
            DrawSlot(canvas, _page.HeaderSlot, _page.Margin, _page.Margin, new Size(width, headerHeight));
            DrawSlot(canvas, _page.ContentSlot, _page.Margin, bodyTop, body);
            DrawSlot(canvas, _page.FooterSlot, _page.Margin, _page.PageSize.Height - _page.Margin - footerHeight, new Size(width, footerHeight));
            canvas.EndPage();

            // Header and footer appear on every page: start them over.
            _page.HeaderSlot.ResetState();
            _page.FooterSlot.ResetState();
            if (plan.Kind is SpacePlanKind.Full or SpacePlanKind.Empty)
                break;
        }

        return pages;
    }

    private static float FixedSlotHeight(Container slot, float width)
    {
        var plan = slot.Measure(new Size(width, float.PositiveInfinity));
        return plan.Kind == SpacePlanKind.Empty ? 0 : plan.Height;
    }

    private static void DrawSlot(IDrawingCanvas canvas, Container slot, float left, float top, Size size)
    {
        canvas.Translate(left, top);
        slot.Draw(canvas, size);
        canvas.Translate(-left, -top);
    }
}
