using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout;

/// <summary>The page template of a document: size, margins, and the header, content and footer slots.</summary>
internal sealed class PageDescriptor
{
    /// <summary>ISO A4 in points.</summary>
    public static readonly Size A4 = new(595.28f, 841.89f);

    internal PageDescriptor(LayoutContext context)
    {
        HeaderSlot = new Container(context);
        ContentSlot = new Container(context);
        FooterSlot = new Container(context);
    }

    internal Container HeaderSlot { get; }
    internal Container ContentSlot { get; }
    internal Container FooterSlot { get; }

    public Size PageSize { get; set; } = A4;
    public float Margin { get; set; } = 40;
    /// <summary>Gap between the header (footer) and the content.</summary>
    public float SlotSpacing { get; set; } = 10;

    public IContainer Header() => HeaderSlot;
    public IContainer Content() => ContentSlot;
    public IContainer Footer() => FooterSlot;
}
