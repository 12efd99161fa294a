using LossLab.Reports.Layout;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>Several panels (one per loss, say) laid out left to right, top to bottom, in one figure.</summary>
internal sealed class PanelGrid(IReadOnlyList<IFigureContent> panels, int columns, float gap = 6) : IFigureContent
{
    public IReadOnlyList<IFigureContent> Panels => panels;

    public int Columns { get; } = Math.Max(1, columns);

    public int Rows => (panels.Count + Columns - 1) / Columns;

    /// <summary>The figure height that gives each panel <paramref name="panelHeight"/>.</summary>
    public float HeightFor(float panelHeight) => Rows * panelHeight + Math.Max(0, Rows - 1) * gap;

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        if (panels.Count == 0)
            return;
        var width = (bounds.Width - (Columns - 1) * gap) / Columns;
        var height = (bounds.Height - (Rows - 1) * gap) / Rows;
        for (var i = 0; i < panels.Count; i++)
        {
            var left = bounds.Left + i % Columns * (width + gap);
            var top = bounds.Top + i / Columns * (height + gap);
            var cell = new SKRect(left, top, left + width, top + height);
            canvas.Save();
            canvas.ClipRect(cell);
            panels[i].Draw(canvas, cell);
            canvas.Restore();
        }
    }
}
