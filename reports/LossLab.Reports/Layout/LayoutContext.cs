using LossLab.Reports.Fonts;

namespace LossLab.Reports.Layout;

/// <summary>What every container of one document shares: the fonts, and the page numbers of the pass being drawn.</summary>
internal sealed class LayoutContext(FontSet fonts)
{
    public FontSet Fonts { get; } = fonts;
    public PageCounter Pages { get; } = new();

    /// <summary>The document's bookmarks in reading order, registered as the content is composed.</summary>
    public List<Bookmark> Bookmarks { get; } = [];

    /// <summary>The page each named destination was drawn on, filled by the layout pass (so the drawing pass can cite it).</summary>
    public Dictionary<string, int> DestinationPages { get; } = new(StringComparer.Ordinal);
}

/// <summary>An entry of the PDF's outline: its text and the named destination it opens.</summary>
internal sealed record Bookmark(string Title, string Destination);

/// <summary>The page being drawn and the total, known after the layout pass (0 during it).</summary>
internal sealed class PageCounter
{
    public int Current { get; set; }
    public int Total { get; set; }
}
