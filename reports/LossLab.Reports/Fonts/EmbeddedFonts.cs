using SkiaSharp;

namespace LossLab.Reports.Fonts;

/// <summary>
/// The DejaVu Sans faces shipped inside this assembly (Fonts/Files, subset by subset-dejavu.sh, licence beside them),
/// so that a report looks the same on a machine without any installed font. Loaded once per process: typefaces are
/// immutable and Skia shares them between threads.
/// </summary>
internal static class EmbeddedFonts
{
    public const string Family = "DejaVu Sans";
    public const string RegularResource = "LossLab.Reports.Fonts.DejaVuSans.ttf";
    public const string BoldResource = "LossLab.Reports.Fonts.DejaVuSans-Bold.ttf";

    /// <summary>What the embedded faces cover, for the report's appendix.</summary>
    public const string Coverage = "Latin, Greek, Cyrillic, punctuation, arrows, maths and geometric symbols";

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> Faces = new(Load);

    /// <summary>The regular and bold faces, or null if a resource is missing or Skia cannot read it.</summary>
    public static (SKTypeface Regular, SKTypeface Bold)? Get() => Faces.Value;

    private static (SKTypeface Regular, SKTypeface Bold)? Load()
    {
        var regular = FromResource(RegularResource);
        var bold = FromResource(BoldResource);
        if (regular is not null && bold is not null)
            return (regular, bold);
        regular?.Dispose();
        bold?.Dispose();
        return null;
    }

    public static SKTypeface? FromResource(string name)
    {
        using var resource = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name);
        if (resource is null)
            return null;
        // Copied into native memory first: SKTypeface.FromStream over a managed stream reads glyphs lazily, so the
        // stream would have to outlive every render; an SKMemoryStream over SKData owns its bytes.
        using var data = SKData.Create(resource);
        return data is null ? null : SKTypeface.FromStream(new SKMemoryStream(data));
    }
}
