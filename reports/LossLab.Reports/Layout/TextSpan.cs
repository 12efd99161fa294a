namespace LossLab.Reports.Layout;

/// <summary>A run of text in one style; a paragraph is a list of spans. '\n' starts a new line.</summary>
internal sealed record TextSpan(string Text, TextStyle Style);

/// <summary>A piece of a laid-out line: one style, placed at <see cref="X"/> from the line's left edge.</summary>
internal sealed record TextFragment(string Text, TextStyle Style, float X, float Width);

/// <summary>One laid-out line. <see cref="Ascent"/> is the baseline's distance from the line's top.</summary>
internal sealed record TextLine(IReadOnlyList<TextFragment> Fragments, float Width, float Ascent, float Height);
