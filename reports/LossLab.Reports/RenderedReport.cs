namespace LossLab.Reports;

/// <summary>What rendering a PDF produced beyond the file: its page count, and the characters no font could draw.</summary>
/// <param name="UnshownCharacters">Characters printed as '?' because neither the report's font nor any installed
/// one has them (in code point order); empty in the usual case.</param>
public sealed record RenderedReport(int Pages, IReadOnlyList<string> UnshownCharacters);
