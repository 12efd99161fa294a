using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>
/// A report's sections in reading order, in groups that are kept together where they fit. The sections are numbered
/// 1, 2, … here and nowhere else; each heading is a PDF bookmark, and <see cref="Contents"/> lists them with their pages.
/// </summary>
internal sealed class ReportOutline
{
    private readonly List<(IReadOnlyList<IReportSection> Sections, float Spacing)> _pages = [];

    /// <summary>A section on its own; none when <paramref name="section"/> is null.</summary>
    public ReportOutline Page(IReportSection? section)
    {
        if (section is not null) _pages.Add(([section], 0));
        return this;
    }

    /// <summary>Sections that belong together (one page when they fit), <paramref name="spacing"/> points apart.</summary>
    public ReportOutline Page(float spacing, params IReportSection[] sections)
    {
        _pages.Add((sections, spacing));
        return this;
    }

    /// <summary>The headings, numbered, in reading order.</summary>
    public IReadOnlyList<SectionHeading> Headings =>
        _pages.SelectMany(p => p.Sections).Select((s, i) => new SectionHeading(i + 1, s.Title)).ToList();

    /// <summary>A contents block: every section's number, title and the page it starts on.</summary>
    public void Contents(IContainer container) =>
        container.Column(column =>
        {
            column.Spacing(1);
            column.Item().PaddingBottom(2).Text("Contents", TextStyle.Heading2);
            foreach (var heading in Headings)
            {
                column.Item().Row(row =>
                {
                    // The number without its full stop, so "3. Training" is found only at the heading itself.
                    row.ConstantItem(16).Text(heading.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), TextStyle.TableCell);
                    row.RelativeItem().Text(heading.Title, TextStyle.TableCell);
                    row.ConstantItem(30).DestinationPage(heading.Destination, TextStyle.TableCell);
                });
            }
        });

    /// <summary>
    /// The sections one after another. The first flows from the top of page 1; every later group starts on the page
    /// in progress when it fits in what is left, else on the next one (see <see cref="KeepTogetherExtensions.SectionStart"/>).
    /// </summary>
    public void Compose(ColumnDescriptor column)
    {
        var headings = Headings;
        var next = 0;
        foreach (var (sections, spacing) in _pages)
        {
            var item = next == 0 ? column.Item() : column.Item().SectionStart();
            if (sections.Count == 1)
            {
                sections[0].Compose(item, headings[next++]);
                continue;
            }
            item.Column(page =>
            {
                page.Spacing(spacing);
                foreach (var section in sections) section.Compose(page.Item(), headings[next++]);
            });
        }
    }
}
