using SkiaSharp;

namespace LossLab.Reports.Layout;

/// <summary>Something drawn straight onto the page's Skia canvas: an OxyPlot model or a hand-drawn panel.</summary>
internal interface IFigureContent
{
    void Draw(SKCanvas canvas, SKRect bounds);
}
