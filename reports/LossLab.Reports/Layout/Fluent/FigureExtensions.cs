using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal static class FigureExtensions
{
    /// <summary>A figure of fixed height across the available width, with its caption kept on the same page.</summary>
    public static void Figure(this IContainer container, IFigureContent content, float height, string? caption = null)
    {
        if (height <= 0)
            throw new ArgumentOutOfRangeException(nameof(height), "A figure needs a positive height.");
        if (caption is null)
        {
            container.Element(new Figure(content, height));
            return;
        }

        container.KeepTogether().Column(column =>
        {
            column.Spacing(3);
            column.Item().Element(new Figure(content, height));
            column.Item().Text(caption, TextStyle.Caption);
        });
    }
}
