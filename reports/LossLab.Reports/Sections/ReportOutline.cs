using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>
/// A report's sections in reading order, grouped by the page each group starts on. The sections are numbered 1, 2, …
/// here and nowhere else.
/// </summary>
internal sealed class ReportOutline
{
    private readonly List<(IReadOnlyList<IReportSection> Sections, float Spacing)> _pages = [];

    /// <summary>A section that starts a new page; none when <paramref name="section"/> is null.</summary>
    public ReportOutline Page(IReportSection? section)
    {
        if (section is not null) _pages.Add(([section], 0));
        return this;
    }

    /// <summary>Sections that share a page (and the pages they run on to), <paramref name="spacing"/> points apart.</summary>
    public ReportOutline Page(float spacing, params IReportSection[] sections)
    {
        _pages.Add((sections, spacing));
        return this;
    }

    /// <summary>The headings, numbered, in reading order.</summary>
    public IReadOnlyList<SectionHeading> Headings =>
        _pages.SelectMany(p => p.Sections).Select((s, i) => new SectionHeading(i + 1, s.Title)).ToList();

    public void Compose(ColumnDescriptor column)
    {
        var headings = Headings;
        var next = 0;
        foreach (var (sections, spacing) in _pages)
        {
            if (next > 0) column.Item().PageBreak();
            if (sections.Count == 1)
            {
                sections[0].Compose(column.Item(), headings[next++]);
                continue;
            }
            column.Item().Column(page =>
            {
                page.Spacing(spacing);
                foreach (var section in sections) section.Compose(page.Item(), headings[next++]);
            });
        }
    }
}
