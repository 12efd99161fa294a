using OxyPlot;

namespace LossLab.Reports.Figures;

/// <summary>
/// How each tuned-threshold objective is marked, the same in every figure: objective i (in the experiment's order)
/// gets line style i on the histograms and marker i in the ticks of the threshold curves, always in the loss's colour;
/// a <see cref="ThresholdKey"/> above the figure names them. Threshold 0.5 is always a grey dashed line.
/// </summary>
internal static class ObjectiveStyles
{
    public const LineStyle FixedThresholdLine = LineStyle.Dash;

    private static readonly LineStyle[] Lines = [LineStyle.Dot, LineStyle.DashDot, LineStyle.LongDash, LineStyle.DashDashDot, LineStyle.LongDashDot];

    private static readonly MarkerType[] Markers = [MarkerType.Triangle, MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Cross];

    public static LineStyle Line(int objective) => Lines[objective % Lines.Length];

    public static MarkerType Marker(int objective) => Markers[objective % Markers.Length];
}

/// <summary>A tuned threshold to mark: the objective's index (for its style) and the threshold (mean over seeds in a run report).</summary>
internal sealed record TunedMark(int Objective, double Threshold);
