using LossLab.Reports.Fonts;
using LossLab.Reports.Layout;
using SkiaSharp;

namespace LossLab.Reports.Figures;

/// <summary>
/// A 2 × 2 confusion matrix drawn directly with Skia (a table of four numbers needs no plot library): rows are the
/// true class, columns the predicted one, each cell shaded by its share of its row, with the count and that share.
/// </summary>
internal sealed class ConfusionMatrixPanel(FontSet fonts, string title, int tp, int fp, int tn, int fn, SKColor accent) : IFigureContent
{
    private static readonly SKColor Ink = new(0x20, 0x20, 0x20);
    private static readonly SKColor Grid = new(0x80, 0x80, 0x80);

    public void Draw(SKCanvas canvas, SKRect bounds)
    {
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, Color = Grid };
        using var text = new SKPaint { IsAntialias = true, Color = Ink };
        var small = fonts.Font(new TextStyle(6.5f));
        var bold = fonts.Font(new TextStyle(7.5f, Bold: true));
        var (titleStyle, shown) = FitTitle(bounds.Width - 2);

        fonts.Draw(canvas, shown, bounds.MidX, bounds.Top + 8, SKTextAlign.Center, titleStyle, text);

        const float labelWidth = 30;
        const float headerHeight = 20;
        var grid = new SKRect(bounds.Left + labelWidth, bounds.Top + headerHeight, bounds.Right - 2, bounds.Bottom - 2);
        var cellWidth = grid.Width / 2;
        var cellHeight = grid.Height / 2;
        canvas.DrawText("pred +", grid.Left + cellWidth / 2, grid.Top - 3, SKTextAlign.Center, small, text);
        canvas.DrawText("pred −", grid.Left + cellWidth * 1.5f, grid.Top - 3, SKTextAlign.Center, small, text);
        canvas.DrawText("true +", grid.Left - 3, grid.Top + cellHeight / 2 + 2, SKTextAlign.Right, small, text);
        canvas.DrawText("true −", grid.Left - 3, grid.Top + cellHeight * 1.5f + 2, SKTextAlign.Right, small, text);

        var cells = new (int Count, int RowTotal, int Column, int Row, string Name)[]
        {
            (tp, tp + fn, 0, 0, "TP"), (fn, tp + fn, 1, 0, "FN"), (fp, fp + tn, 0, 1, "FP"), (tn, fp + tn, 1, 1, "TN"),
        };
        foreach (var (count, rowTotal, column, row, name) in cells)
        {
            var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
            var rect = SKRect.Create(grid.Left + column * cellWidth, grid.Top + row * cellHeight, cellWidth, cellHeight);
            fill.Color = accent.WithAlpha((byte)(25 + 150 * share));
            canvas.DrawRect(rect, fill);
            canvas.DrawRect(rect, stroke);
            canvas.DrawText($"{name} {count:N0}", rect.MidX, rect.MidY - 1, SKTextAlign.Center, bold, text);
            // The share alone ("87.0 %"): with four matrices in a row, "87.0 % of row" overran its cell; captions say what it is.
            canvas.DrawText(share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), rect.MidX, rect.MidY + 8, SKTextAlign.Center, small, text);
        }
    }

    /// <summary>The title at 7.5 pt, or smaller down to 6 pt when the panel is narrow, cut with "…" only if even that is too wide.</summary>
    private (TextStyle Style, string Text) FitTitle(float width)
    {
        var style = new TextStyle(7.5f, Bold: true);
        for (var size = 7.5f; size >= 6f; size -= 0.5f)
        {
            style = new TextStyle(size, Bold: true);
            if (fonts.Measure(title, style) <= width)
                return (style, title);
        }

        var cut = title;
        while (cut.Length > 1 && fonts.Measure(cut + "…", style) > width)
            cut = cut[..^1];
        return (style, cut + "…");
    }
}
