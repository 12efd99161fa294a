using LossLab.Reports.Layout.Elements;

namespace LossLab.Reports.Layout.Fluent;

internal static class AnchorExtensions
{
    /// <summary>Names this place as a destination and, with a <paramref name="bookmark"/> title, lists it in the PDF's outline.</summary>
    public static IContainer Anchor(this IContainer container, string name, string? bookmark = null)
    {
        if (bookmark is not null)
            container.Context.Bookmarks.Add(new Bookmark(bookmark, name));
        return container.Decorate(child => new Anchor(container.Context, name, child));
    }

    /// <summary>The page number of a named destination, right-aligned.</summary>
    public static void DestinationPage(this IContainer container, string name, TextStyle style) =>
        container.Element(new DestinationPage(container.Context, name, style));
}
