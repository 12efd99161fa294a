using LossLab.Reports.Layout;

namespace LossLab.Reports.Sections;

/// <summary>
/// A numbered section of a report. It declares its title without a number; its report's <see cref="ReportOutline"/>
/// numbers the sections in reading order and hands each its heading, which the section draws and uses for its figure
/// captions, so adding or removing a section renumbers the rest.
/// </summary>
internal interface IReportSection
{
    /// <summary>The heading's text without its number, e.g. "Training".</summary>
    string Title { get; }

    void Compose(IContainer container, SectionHeading heading);
}
