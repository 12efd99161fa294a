using System.Globalization;

namespace LossLab.Reports.Sections;

/// <summary>A section's number, given by its report's <see cref="ReportOutline"/>, and its title: "3. Training".</summary>
internal readonly record struct SectionHeading(int Number, string Title)
{
    /// <summary>The name of the PDF destination at this heading, which its bookmark and the contents block point to.</summary>
    public string Destination => string.Create(CultureInfo.InvariantCulture, $"section-{Number}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}. {Title}");

    /// <summary>The label that opens a figure caption in this section: "Figure 3." or, with a part, "Figure 3a.".</summary>
    public string Figure(string part = "") => string.Create(CultureInfo.InvariantCulture, $"Figure {Number}{part}.");
}
