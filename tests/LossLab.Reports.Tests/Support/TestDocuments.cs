using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Tests.Support;

internal static class TestDocuments
{
    /// <summary>A4 document with a footer carrying page numbers, the given content, and the shared fonts.</summary>
    public static Document WithContent(Action<IContainer> content, bool footer = true) =>
        Document.Create(TestFonts.Shared, page =>
        {
            page.Header().Text("Test header", TextStyle.Small);
            content(page.Content());
            if (footer)
                page.Footer().PageNumber();
        });

    public static RecordingCanvas Record(Document document)
    {
        var canvas = new RecordingCanvas();
        document.Render(canvas);
        return canvas;
    }
}
