namespace LossLab.Reports.Layout.Elements;

internal enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A wrapped paragraph of styled spans; splits between lines across pages.</summary>
internal sealed class TextBlock(LayoutContext context, IReadOnlyList<TextSpan> spans, TextAlignment alignment) : Element
{
    private float _laidOutWidth = float.NaN;
    private IReadOnlyList<TextLine> _lines = [];
    private int _next;

    public IReadOnlyList<TextSpan> Spans => spans;

    protected override void ResetOwnState() => _next = 0;

    public override SpacePlan Measure(Size available)
    {
        var lines = Lines(available.Width);
        if (_next >= lines.Count)
            return SpacePlan.Empty();

        var (count, height) = Fitting(lines, available.Height);
        if (count == 0)
            return SpacePlan.Wrap();

        var width = lines.Skip(_next).Take(count).Max(l => l.Width);
        var size = new Size(width, height);
        return _next + count == lines.Count ? SpacePlan.Full(size) : SpacePlan.Partial(size);
    }

    public override void Draw(IDrawingCanvas canvas, Size available)
    {
        var lines = Lines(available.Width);
        var (count, _) = Fitting(lines, available.Height);
        var top = 0f;
        foreach (var line in lines.Skip(_next).Take(count))
        {
            var offset = alignment switch
            {
                TextAlignment.Center => (available.Width - line.Width) / 2,
                TextAlignment.Right => available.Width - line.Width,
                _ => 0,
            };
            foreach (var fragment in line.Fragments)
                canvas.DrawText(fragment.Text, offset + fragment.X, top + line.Ascent, fragment.Style);
            top += line.Height;
        }

        _next += count;
    }

    private (int Count, float Height) Fitting(IReadOnlyList<TextLine> lines, float availableHeight)
    {
        var height = 0f;
        var count = 0;
        for (var i = _next; i < lines.Count; i++)
        {
            if (height + lines[i].Height > availableHeight + Size.Epsilon)
                break;
            height += lines[i].Height;
            count++;
        }

        return (count, height);
    }

    /// <summary>Line breaking is the costly part, and Measure runs several times per page: cache per width.</summary>
    private IReadOnlyList<TextLine> Lines(float width)
    {
        if (float.IsNaN(_laidOutWidth) || Math.Abs(width - _laidOutWidth) > Size.Epsilon)
        {
            _lines = LineBreaker.Break(spans, context.Fonts, width);
            _laidOutWidth = width;
        }

        return _lines;
    }
}
