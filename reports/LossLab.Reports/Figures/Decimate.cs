using OxyPlot;

namespace LossLab.Reports.Figures;

/// <summary>
/// Thins a curve to at most a few hundred points before it goes into the PDF: a ROC curve over 5,000 rows has
/// thousands of points that no reader can tell apart at 8 cm, and each one costs bytes and render time.
/// Points are kept where the curve turns, not at a fixed stride, so steps stay steps.
/// </summary>
internal static class Decimate
{
    public static List<DataPoint> Curve(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = 400)
    {
        var count = Math.Min(x.Count, y.Count);
        var points = new List<DataPoint>(Math.Min(count, maxPoints + 2));
        if (count == 0)
            return points;

        // Minimum distance between kept points, in units of the plot's range (curves here live in [0, 1]²-ish).
        var (xMin, xMax, yMin, yMax) = Bounds(x, y, count);
        var scaleX = xMax > xMin ? 1 / (xMax - xMin) : 1;
        var scaleY = yMax > yMin ? 1 / (yMax - yMin) : 1;
        var step = 2.0 / maxPoints;
        var last = new DataPoint(x[0], y[0]);
        points.Add(last);
        for (var i = 1; i < count - 1; i++)
        {
            var dx = (x[i] - last.X) * scaleX;
            var dy = (y[i] - last.Y) * scaleY;
            if (Math.Abs(dx) + Math.Abs(dy) < step)
                continue;
            last = new DataPoint(x[i], y[i]);
            points.Add(last);
        }

        if (count > 1)
            points.Add(new DataPoint(x[count - 1], y[count - 1]));
        return points;
    }

    private static (double, double, double, double) Bounds(IReadOnlyList<double> x, IReadOnlyList<double> y, int count)
    {
        double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
        for (var i = 0; i < count; i++)
        {
            if (double.IsFinite(x[i]))
            {
                xMin = Math.Min(xMin, x[i]);
                xMax = Math.Max(xMax, x[i]);
            }

            if (double.IsFinite(y[i]))
            {
                yMin = Math.Min(yMin, y[i]);
                yMax = Math.Max(yMax, y[i]);
            }
        }

        return (xMin, xMax, yMin, yMax);
    }
}
