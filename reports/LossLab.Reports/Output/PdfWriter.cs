using LossLab.Evaluation;
using LossLab.Reports.Layout;
using SkiaSharp;

namespace LossLab.Reports.Output;

/// <summary>Renders a <see cref="Document"/> to a PDF file (atomically) through Skia's PDF backend, with its bookmarks.</summary>
internal static class PdfWriter
{
    public static int Write(Document document, string path, string title)
    {
        var pages = 0;
        AtomicFile.Write(path, stream => pages = Write(document, stream, title));
        return pages;
    }

    public static int Write(Document document, Stream stream, string title)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "LossLab",
            Producer = "LossLab (SkiaSharp PDF, OxyPlot)",
            // Fixed dates keep two renders of the same results byte-comparable.
            Creation = null,
            Modified = null,
        };
        using var drawn = new MemoryStream();
        int pages;
        using (var managed = new SKManagedWStream(drawn))
        using (var pdf = SKDocument.CreatePdf(managed, metadata))
        using (var canvas = new SkiaPdfCanvas(pdf, document.Context.Fonts))
        {
            pages = document.Render(canvas);
            pdf.Close();
        }

        stream.Write(PdfOutline.Append(drawn.ToArray(), document.Context.Bookmarks));
        return pages;
    }
}
