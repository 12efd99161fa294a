using LossLab.Reports.Fonts;

namespace LossLab.Reports.Tests.Support;

internal static class TestFonts
{
    /// <summary>One resolved font set for all tests: resolving is cheap but the fonts are process-wide anyway.</summary>
    public static FontSet Shared { get; } = FontSet.Resolve();
}
