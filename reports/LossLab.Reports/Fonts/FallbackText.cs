using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace LossLab.Reports.Fonts;

/// <summary>
/// Splits text into runs that one face can draw: the report's own face wherever it has the glyph, else a face the
/// system has for that character (fontconfig on Linux), else '?' in the report's face, so a dataset or experiment
/// name in, say, Chinese prints legibly where a font for it is installed and never as empty boxes. The common case,
/// text the report's face covers entirely, comes out as one run. Runs of a right-to-left script (Hebrew,
/// Arabic, ...) are marked, and <see cref="VisualOrder"/> puts them in the order they are read.
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

    /// <summary>One piece of text drawn in one face (null: the report's own), in logical order.</summary>
    public readonly record struct Run(string Text, SKTypeface? Face)
    {
        /// <summary>The run is in a right-to-left script (its first letter is): drawn shaped, right to left.</summary>
        public bool RightToLeft => Text.EnumerateRunes().FirstOrDefault(Rune.IsLetter) is { Value: > 0 } letter && IsRightToLeft(letter.Value);

        /// <summary>No letter at all (spaces, digits, punctuation): it takes the direction of the text around it.</summary>
        public bool Neutral => IsNeutralFor(Text);

        public static bool IsNeutralFor(string text) => !text.EnumerateRunes().Any(Rune.IsLetter);
    }

    /// <summary>
    /// The runs of <paramref name="text"/> in logical order, each with the face to draw it in. Callers check first
    /// whether the report's face covers the whole text (<see cref="FontSet"/> does), the common case needing no runs.
    /// </summary>
    public IReadOnlyList<Run> Runs(string text, bool bold)
    {
        var own = bold ? primaryBold : primary;
        var runs = new List<Run>();
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
                runs.Add(new Run(current.ToString(), currentFace));
                current.Clear();
            }
            currentFace = face;
            current.Append(shown);
        }
        if (current.Length > 0) runs.Add(new Run(current.ToString(), currentFace));
        return runs;
    }

    /// <summary>
    /// The order in which to lay the runs out from left to right: each stretch of right-to-left runs, with the
    /// letterless runs between them (spaces, numbers), reversed, the rest as written; each right-to-left run is
    /// itself shaped right to left. For a left-to-right line holding right-to-left words (a name in a report) this
    /// agrees with the Unicode bidirectional algorithm except that a number right after the last right-to-left word
    /// stays after it, where the algorithm would move it to the phrase's left end; there are no explicit embeddings
    /// and no right-to-left paragraphs.
    /// </summary>
    public static IReadOnlyList<int> VisualOrder(IReadOnlyList<Run> runs)
    {
        var order = new List<int>(runs.Count);
        for (var i = 0; i < runs.Count;)
        {
            if (!runs[i].RightToLeft)
            {
                order.Add(i++);
                continue;
            }
            var last = i;
            for (var k = i + 1; k < runs.Count && (runs[k].RightToLeft || runs[k].Neutral); k++)
                if (runs[k].RightToLeft) last = k;
            for (var k = last; k >= i; k--) order.Add(k);
            i = last + 1;
        }
        return order;
    }

    /// <summary>Scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and their neighbours, with their presentation forms.</summary>
    public static bool IsRightToLeft(int codePoint) =>
        codePoint is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;
}
