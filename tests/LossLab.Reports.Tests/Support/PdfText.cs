using LossLab.Reports.Layout;
using LossLab.Reports.Output;
using UglyToad.PdfPig;

namespace LossLab.Reports.Tests.Support;

/// <summary>Renders documents to PDF in memory and reads them back with PdfPig.</summary>
internal static class PdfText
{
    public static byte[] Render(Document document)
    {
        using var stream = new MemoryStream();
        PdfWriter.Write(document, stream, "test");
        return stream.ToArray();
    }

    /// <summary>The text of each page, words joined by single spaces.</summary>
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    public static List<string> Pages(string path) => Pages(File.ReadAllBytes(path));
}
