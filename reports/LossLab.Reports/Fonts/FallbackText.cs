using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace LossLab.Reports.Fonts;

/// <summary>
/// Splits text into runs that one face can draw: the report's own face wherever it has the glyph, else a face the
/// system has for that character (fontconfig on Linux), else '?' in the report's face, so a dataset or experiment
/// name in, say, Chinese prints legibly where a font for it is installed and never as empty boxes. The common case,
/// text the report's face covers entirely, is one run and one check.
/// </summary>
internal sealed class FallbackText(SKTypeface primary, SKTypeface primaryBold, Func<int, bool, SKTypeface?> systemFace)
{
    public const char Replacement = '?';

    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> _faces = new();
    private readonly ConcurrentDictionary<int, byte> _unshown = new();

    /// <summary>The system's face for a character, or null; the face must really hold the glyph.</summary>
    public static SKTypeface? SystemFace(int codePoint, bool bold)
    {
        var face = SKFontManager.Default.MatchCharacter(null, bold ? SKFontStyle.Bold : SKFontStyle.Normal, null, codePoint);
        return face is not null && face.ContainsGlyph(codePoint) ? face : null;
    }

    /// <summary>Characters that no face could draw, printed as <see cref="Replacement"/>.</summary>
    public IReadOnlyCollection<string> Unshown => [.. _unshown.Keys.Order().Select(char.ConvertFromUtf32)];

    /// <summary>The runs of <paramref name="text"/>: each with the face to draw it in (null: the report's own).</summary>
    public IReadOnlyList<(string Text, SKTypeface? Face)> Runs(string text, bool bold)
    {
        var own = bold ? primaryBold : primary;
        if (text.Length == 0 || own.ContainsGlyphs(text))
            return [(text, null)];
        var runs = new List<(string, SKTypeface?)>();
        var current = new StringBuilder();
        SKTypeface? currentFace = null;
        foreach (var rune in text.EnumerateRunes())
        {
            SKTypeface? face = null;
            var shown = rune.ToString();
            if (!own.ContainsGlyph(rune.Value) && !char.IsControl(shown, 0))
            {
                face = _faces.GetOrAdd((rune.Value, bold), key => systemFace(key.CodePoint, key.Bold));
                if (face is null)
                {
                    _unshown.TryAdd(rune.Value, 0);
                    shown = Replacement.ToString();
                }
            }
            if (current.Length > 0 && !ReferenceEquals(face, currentFace))
            {
                runs.Add((current.ToString(), currentFace));
                current.Clear();
            }
            currentFace = face;
            current.Append(shown);
        }
        if (current.Length > 0) runs.Add((current.ToString(), currentFace));
        return runs;
    }
}
