using OxyPlot;

namespace LossLab.Reports.Figures;

/// <summary>How one loss is drawn in every figure: a colour plus a line style and a marker, so it reads in greyscale too.</summary>
internal sealed record LossStyle(string Loss, OxyColor Color, LineStyle Line, MarkerType Marker)
{
    public OxyColor Faded(byte alpha = 70) => OxyColor.FromAColor(alpha, Color);
}
