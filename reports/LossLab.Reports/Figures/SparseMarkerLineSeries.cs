using OxyPlot;
using OxyPlot.Series;

namespace LossLab.Reports.Figures;

/// <summary>
/// A line with a few markers spaced evenly along its length (not one per data point, which would smear a
/// thousand-point ROC curve): the marker identifies the loss in greyscale without hiding the curve.
/// </summary>
internal sealed class SparseMarkerLineSeries : LineSeries
{
    /// <summary>How many markers along the whole line.</summary>
    public int MarkerCount { get; init; } = 6;

    /// <summary>Shifts the markers along the line (0..1 of a spacing), so overlaid curves do not stack markers.</summary>
    public double MarkerPhase { get; init; }

    protected override void RenderLineAndMarkers(IRenderContext rc, IList<ScreenPoint> pointsToRender)
    {
        RenderLine(rc, pointsToRender);
        if (MarkerType == MarkerType.None || MarkerCount <= 0 || pointsToRender.Count == 0)
            return;

        var markers = PointsAlong(pointsToRender, MarkerCount, MarkerPhase);
        rc.DrawMarkers(markers, MarkerType, MarkerOutline, MarkerSize, ActualMarkerFill, MarkerStroke.GetActualColor(ActualColor),
            MarkerStrokeThickness, EdgeRenderingMode);
    }

    private static List<ScreenPoint> PointsAlong(IList<ScreenPoint> points, int count, double phase)
    {
        var cumulative = new double[points.Count];
        for (var i = 1; i < points.Count; i++)
            cumulative[i] = cumulative[i - 1] + (points[i] - points[i - 1]).Length;
        var total = cumulative[^1];
        var result = new List<ScreenPoint>(count);
        if (total <= 0)
            return [points[0]];

        var j = 1;
        for (var k = 0; k < count; k++)
        {
            var target = total * (k + 0.5 + (phase - 0.5) * 0.8) / count;
            while (j < points.Count - 1 && cumulative[j] < target)
                j++;
            var span = cumulative[j] - cumulative[j - 1];
            var t = span <= 0 ? 0 : (target - cumulative[j - 1]) / span;
            var a = points[j - 1];
            var b = points[j];
            result.Add(new ScreenPoint(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t));
        }

        return result;
    }
}
