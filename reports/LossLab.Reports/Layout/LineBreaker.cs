using System.Text;
using LossLab.Reports.Fonts;

namespace LossLab.Reports.Layout;

/// <summary>
/// Greedy word wrapping across styled spans. Breaks at spaces; a word wider than the line (a hash, a path) is cut
/// between characters so nothing ever runs past the right edge. Leading spaces of a paragraph are kept, because
/// indented text (pretty JSON) depends on them; leading spaces of a wrapped continuation line are dropped.
/// </summary>
internal sealed class LineBreaker(FontSet fonts, float maxWidth)
{
    private readonly List<TextLine> _lines = [];
    private readonly List<TextFragment> _fragments = [];
    private float _x;
    private TextStyle _lineStyle = TextStyle.Body;

    /// <summary>True right after a wrap, until the first word: spaces there are dropped.</summary>
    private bool _wrappedLineStart;

    public static IReadOnlyList<TextLine> Break(IReadOnlyList<TextSpan> spans, FontSet fonts, float maxWidth)
    {
        var breaker = new LineBreaker(fonts, Math.Max(maxWidth, 1f));
        foreach (var span in spans)
            breaker.Add(span);
        breaker.CommitLine();
        return breaker._lines;
    }

    private void Add(TextSpan span)
    {
        _lineStyle = _fragments.Count == 0 ? span.Style : _lineStyle;
        foreach (var token in Tokenize(span.Text))
        {
            if (token == "\n")
            {
                CommitLine();
                _lineStyle = span.Style;
                continue;
            }

            var width = fonts.Measure(token, span.Style);
            var isSpace = token[0] == ' ';
            if (isSpace)
            {
                // Spaces may overhang the right edge: they are trimmed from the line's end.
                if (!_wrappedLineStart)
                    Append(token, span.Style, width);
                continue;
            }

            if (_x + width > maxWidth + Size.Epsilon && HasInk())
            {
                CommitLine();
                _wrappedLineStart = true;
                _lineStyle = span.Style;
            }

            if (width > maxWidth + Size.Epsilon)
                AppendCut(token, span.Style);
            else
                Append(token, span.Style, width);
        }
    }

    private bool HasInk() => _fragments.Any(f => f.Text.Trim().Length > 0);

    private void Append(string text, TextStyle style, float width)
    {
        _fragments.Add(new TextFragment(text, style, _x, width));
        _x += width;
        if (text[0] != ' ')
            _wrappedLineStart = false;
    }

    /// <summary>Cuts an over-long word into pieces that each fit on a line (or the rest of the current line).</summary>
    private void AppendCut(string word, TextStyle style)
    {
        var rest = word;
        while (rest.Length > 0)
        {
            var fit = FittingPrefixLength(rest, style, maxWidth - _x);
            if (fit == 0 && HasInk())
            {
                CommitLine();
                _wrappedLineStart = true;
                continue;
            }

            fit = Math.Max(fit, 1);
            var piece = rest[..fit];
            Append(piece, style, fonts.Measure(piece, style));
            rest = rest[fit..];
            if (rest.Length > 0)
            {
                CommitLine();
                _wrappedLineStart = true;
            }
        }
    }

    private int FittingPrefixLength(string text, TextStyle style, float width)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (fonts.Measure(text[..mid], style) <= width + Size.Epsilon)
                low = mid;
            else
                high = mid - 1;
        }

        return low;
    }

    private void CommitLine()
    {
        while (_fragments.Count > 0 && _fragments[^1].Text.Trim().Length == 0 && _fragments.Count > 1)
            _fragments.RemoveAt(_fragments.Count - 1);

        var merged = Merge(_fragments);
        var styles = merged.Count == 0 ? [_lineStyle] : merged.Select(f => f.Style).ToList();
        var ascent = styles.Max(s => fonts.LineMetrics(s).Ascent);
        var height = styles.Max(s => fonts.LineMetrics(s).LineHeight);
        var width = merged.Count == 0 ? 0 : merged[^1].X + fonts.Measure(merged[^1].Text.TrimEnd(), merged[^1].Style);
        _lines.Add(new TextLine(merged, width, ascent, height));
        _fragments.Clear();
        _x = 0;
        _wrappedLineStart = false;
    }

    /// <summary>Joins neighbouring fragments of one style, so a line is drawn with as few text runs as possible.</summary>
    private static List<TextFragment> Merge(List<TextFragment> fragments)
    {
        var merged = new List<TextFragment>();
        foreach (var fragment in fragments)
        {
            if (merged.Count > 0 && merged[^1].Style == fragment.Style)
            {
                var last = merged[^1];
                merged[^1] = last with { Text = last.Text + fragment.Text, Width = last.Width + fragment.Width };
            }
            else
            {
                merged.Add(fragment);
            }
        }

        return merged;
    }

    /// <summary>Splits into "\n", runs of spaces, and runs of other characters (tabs count as four spaces).</summary>
    private static IEnumerable<string> Tokenize(string text)
    {
        var token = new StringBuilder();
        bool? inSpace = null;
        foreach (var raw in text.Replace("\r\n", "\n").Replace("\t", "    "))
        {
            if (raw == '\n')
            {
                if (token.Length > 0)
                    yield return token.ToString();
                token.Clear();
                inSpace = null;
                yield return "\n";
                continue;
            }

            var isSpace = raw == ' ';
            if (inSpace is not null && inSpace != isSpace && token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }

            inSpace = isSpace;
            token.Append(raw);
        }

        if (token.Length > 0)
            yield return token.ToString();
    }
}
