using OxyPlot;

namespace LossLab.Reports.Figures;

/// <summary>
/// Assigns each loss (in the experiment's order) one <see cref="LossStyle"/> for the whole report. Colours are the
/// Okabe–Ito set (distinguishable with the common colour-vision deficiencies), each paired with its own dash
/// pattern and marker, so two losses never share all three.
/// </summary>
internal sealed class LossPalette
{
    private static readonly OxyColor[] Colors =
    [
        OxyColor.FromRgb(0x00, 0x72, 0xB2), // blue
        OxyColor.FromRgb(0xD5, 0x5E, 0x00), // vermillion
        OxyColor.FromRgb(0x00, 0x9E, 0x73), // bluish green
        OxyColor.FromRgb(0xCC, 0x79, 0xA7), // reddish purple
        OxyColor.FromRgb(0xE6, 0x9F, 0x00), // orange
        OxyColor.FromRgb(0x56, 0xB4, 0xE9), // sky blue
        OxyColor.FromRgb(0x33, 0x33, 0x33), // near black
    ];

    private static readonly LineStyle[] Lines =
        [LineStyle.Solid, LineStyle.Dash, LineStyle.DashDot, LineStyle.Dot, LineStyle.LongDash, LineStyle.DashDashDot, LineStyle.LongDashDot];

    private static readonly MarkerType[] Markers =
        [MarkerType.Circle, MarkerType.Square, MarkerType.Triangle, MarkerType.Diamond, MarkerType.Cross, MarkerType.Plus, MarkerType.Star];

    private readonly Dictionary<string, LossStyle> _styles = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public LossPalette(IEnumerable<string> losses)
    {
        foreach (var loss in losses)
            Add(loss);
    }

    public IReadOnlyList<string> Losses => _order;

    /// <summary>The style of <paramref name="loss"/>; a loss first seen here (e.g. only in runs) gets the next style.</summary>
    public LossStyle this[string loss] => _styles.TryGetValue(loss, out var style) ? style : Add(loss);

    private LossStyle Add(string loss)
    {
        if (_styles.TryGetValue(loss, out var existing))
            return existing;
        var i = _order.Count;
        // Colours cycle every 7 and patterns every 7 too, but offset, so the pair stays unique for 49 losses.
        var style = new LossStyle(loss, Colors[i % Colors.Length], Lines[(i + i / Lines.Length) % Lines.Length], Markers[i % Markers.Length]);
        _styles[loss] = style;
        _order.Add(loss);
        return style;
    }
}
