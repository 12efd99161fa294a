using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal static class PaddingExtensions
{
    public static IContainer Padding(this IContainer container, float top, float right, float bottom, float left)
    {
        if (top < 0 || right < 0 || bottom < 0 || left < 0)
            throw new ArgumentOutOfRangeException(nameof(top), "Padding cannot be negative.");
        return container.Decorate(child => new Padding(child, top, right, bottom, left));
    }

    public static IContainer Padding(this IContainer container, float all) => container.Padding(all, all, all, all);

    public static IContainer PaddingVertical(this IContainer container, float value) => container.Padding(value, 0, value, 0);

    public static IContainer PaddingHorizontal(this IContainer container, float value) => container.Padding(0, value, 0, value);

    public static IContainer PaddingTop(this IContainer container, float value) => container.Padding(value, 0, 0, 0);

    public static IContainer PaddingBottom(this IContainer container, float value) => container.Padding(0, 0, value, 0);
}
