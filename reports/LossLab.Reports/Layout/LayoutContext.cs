using LossLab.Reports.Fonts;

namespace LossLab.Reports.Layout;

/// <summary>What every container of one document shares: the fonts, and the page numbers of the pass being drawn.</summary>
internal sealed class LayoutContext(FontSet fonts)
{
    public FontSet Fonts { get; } = fonts;
    public PageCounter Pages { get; } = new();
}

/// <summary>The page being drawn and the total, known after the layout pass (0 during it).</summary>
internal sealed class PageCounter
{
    public int Current { get; set; }
    public int Total { get; set; }
}
