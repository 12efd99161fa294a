using System.Collections.Concurrent;
using LossLab.Reports.Layout;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace LossLab.Reports.Fonts;

/// <summary>
/// The two faces (regular, bold) every piece of text in a report uses, resolved once, plus measuring. Using one
/// pair everywhere (our text and OxyPlot's, through <see cref="Figures.ReportRenderContext"/>) keeps the PDF to two
/// embedded fonts, which matters because Skia embeds each face whole.
/// </summary>
internal sealed class FontSet : IDisposable
{
    public const string PreferredFamily = "DejaVu Sans";

    private readonly ConcurrentDictionary<(float Size, bool Bold), SKFont> _fonts = new();
    private readonly ConcurrentDictionary<(SKTypeface Face, float Size), SKFont> _fallbackFonts = new();
    private readonly ConcurrentDictionary<SKTypeface, SKShaper> _shapers = new();
    private readonly FallbackText _fallback;

    // Faces are process-wide (embedded ones are cached, system ones are shared by Skia): a FontSet never disposes them.
    private FontSet(SKTypeface regular, SKTypeface bold, string source, Func<int, bool, SKTypeface?>? systemFace = null)
    {
        Regular = regular;
        Bold = bold;
        Source = source;
        _fallback = new FallbackText(regular, bold, systemFace ?? FallbackText.SystemFace);
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    /// <summary>The family OxyPlot should ask for, so that its text uses the same faces.</summary>
    public string FamilyName => Regular.FamilyName;

    /// <summary>How the faces were found, for the report's appendix ("DejaVu Sans via fontconfig", ...).</summary>
    public string Source { get; }

    /// <summary>A one-line statement for the report: which font, and where it came from.</summary>
    public string Description => $"Text set in {FamilyName} (regular and bold, embedded in the PDF); {Source}. A character outside it is drawn in a system font that has it, or as '{FallbackText.Replacement}' where none has.";

    /// <summary>Characters drawn as '?' because no face had them (so far in this render).</summary>
    public IReadOnlyCollection<string> Unshown => _fallback.Unshown;

    /// <summary>
    /// The faces shipped inside this assembly (<see cref="EmbeddedFonts"/>), so every machine draws the same report.
    /// Only if they cannot be read (a damaged build) does it ask the system for <see cref="PreferredFamily"/>.
    /// </summary>
    /// <param name="systemFace">Where to find a face for a character the report's faces lack (tests pass their own);
    /// default: the system font manager.</param>
    public static FontSet Resolve(Func<int, bool, SKTypeface?>? systemFace = null)
    {
        if (EmbeddedFonts.Get() is { } embedded)
            return new FontSet(embedded.Regular, embedded.Bold, $"{EmbeddedFonts.Family} 2.37 shipped inside LossLab.Reports ({EmbeddedFonts.Coverage})", systemFace);
        return FromSystem(PreferredFamily);
    }

    /// <summary>
    /// Finds <paramref name="family"/> through the system font manager (fontconfig on Linux); on a machine without
    /// it, falls back to Skia's default face, which always exists, and says so in <see cref="Source"/>.
    /// </summary>
    public static FontSet FromSystem(string family)
    {
        var manager = SKFontManager.Default;
        var regular = manager.MatchFamily(family, SKFontStyle.Normal);
        var bold = manager.MatchFamily(family, SKFontStyle.Bold);
        if (regular is not null && string.Equals(regular.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            return new FontSet(regular, bold ?? regular, $"{family} found through the system font manager");

        regular?.Dispose();
        bold?.Dispose();
        var fallback = SKTypeface.Default;
        var fallbackBold = SKTypeface.FromFamilyName(fallback.FamilyName, SKFontStyle.Bold) ?? fallback;
        var name = string.IsNullOrEmpty(fallback.FamilyName) ? "Skia's default face" : fallback.FamilyName;
        return new FontSet(fallback, fallbackBold, $"{family} was not found, so {name} (Skia's default) was used instead");
    }

    public SKFont Font(TextStyle style) =>
        _fonts.GetOrAdd((style.Size, style.Bold), key => new SKFont(key.Bold ? Bold : Regular, key.Size)
        {
            Subpixel = true,
            LinearMetrics = true,
        });

    /// <summary>The width of <paramref name="text"/> as <see cref="Draw"/> draws it, fallback faces included.</summary>
    public float Measure(string text, TextStyle style)
    {
        if (text.Length == 0) return 0;
        if (Covers(text, style)) return Font(style).MeasureText(text);
        float width = 0;
        foreach (var run in _fallback.Runs(text, style.Bold))
            width += Width(run, style);
        return width;
    }

    /// <summary>
    /// Draws one line of text at (x, baseline), aligned about x, each run in the face that has its glyphs
    /// (<see cref="FallbackText"/>).
    /// </summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, TextStyle style, SKPaint paint)
    {
        if (Covers(text, style))
        {
            canvas.DrawText(text, x, baseline, align, Font(style), paint);
            return;
        }
        var runs = _fallback.Runs(text, style.Bold);
        var widths = runs.Select(r => Width(r, style)).ToArray();
        var left = align switch
        {
            SKTextAlign.Center => x - widths.Sum() / 2,
            SKTextAlign.Right => x - widths.Sum(),
            _ => x,
        };
        foreach (var i in FallbackText.VisualOrder(runs))
        {
            var (run, font) = (runs[i], FontFor(runs[i].Face, style));
            if (run.RightToLeft && run.Face is not null)
                canvas.DrawShapedText(Shaper(run.Face), run.Text, left, baseline, SKTextAlign.Left, font, paint);
            else
                canvas.DrawText(run.Text, left, baseline, SKTextAlign.Left, font, paint);
            left += widths[i];
        }
    }

    /// <summary>A run's advance: shaped (HarfBuzz) for right-to-left scripts, whose letters join and reorder.</summary>
    private float Width(FallbackText.Run run, TextStyle style)
    {
        var font = FontFor(run.Face, style);
        return run.RightToLeft && run.Face is not null ? Shaper(run.Face).Shape(run.Text, font).Width : font.MeasureText(run.Text);
    }

    private SKShaper Shaper(SKTypeface face) => _shapers.GetOrAdd(face, f => new SKShaper(f));

    /// <summary>The common case, checked before any list is made: the style's own face has every glyph.</summary>
    private bool Covers(string text, TextStyle style) => (style.Bold ? Bold : Regular).ContainsGlyphs(text);

    private SKFont FontFor(SKTypeface? face, TextStyle style) => face is null
        ? Font(style)
        : _fallbackFonts.GetOrAdd((face, style.Size), key => new SKFont(key.Face, key.Size) { Subpixel = true, LinearMetrics = true });

    /// <summary>Distance from the line's top to its baseline, and the line's height.</summary>
    public (float Ascent, float LineHeight) LineMetrics(TextStyle style)
    {
        var font = Font(style);
        var metrics = font.Metrics;
        var ascent = -metrics.Ascent;
        var height = Math.Max(font.Spacing, ascent + metrics.Descent) * 1.08f;
        return (ascent + (height - ascent - metrics.Descent) / 2, height);
    }

    /// <summary>True when the regular face has glyphs for every character (e.g. '▲'), so it will not print boxes.</summary>
    public bool CanShow(string text) => Regular.ContainsGlyphs(text);

    public void Dispose()
    {
        foreach (var font in _fonts.Values.Concat(_fallbackFonts.Values))
            font.Dispose();
        _fonts.Clear();
        _fallbackFonts.Clear();
        foreach (var shaper in _shapers.Values)
            shaper.Dispose();
        _shapers.Clear();
    }
}
