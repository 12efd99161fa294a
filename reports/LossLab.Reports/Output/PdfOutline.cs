using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LossLab.Reports.Layout;

namespace LossLab.Reports.Output;

/// <summary>
/// Adds a document outline (PDF bookmarks) to a finished Skia PDF. Skia writes named destinations (into the catalog's
/// <c>/Dests</c>) but no outline, so this appends an incremental update (PDF 1.7, 7.5.6): the outline items, a new
/// catalog that points to them, and a cross-reference section chained to Skia's. Each item opens its destination's
/// explicit page array, copied from <c>/Dests</c>, so readers need not resolve names.
/// </summary>
internal static partial class PdfOutline
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<Bookmark> bookmarks)
    {
        if (bookmarks.Count == 0)
            return pdf;
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startXrefAt = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (trailerAt < 0 || startXrefAt < trailerAt)
            throw new InvalidOperationException("The PDF has no classic trailer to chain an outline to.");
        var trailer = text[trailerAt..startXrefAt];
        var size = int.Parse(SizeEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(RootEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var previous = long.Parse(StartXref().Match(text, startXrefAt).Groups[1].Value, CultureInfo.InvariantCulture);

        var catalog = Dictionary(text, root);
        var destinations = Destinations(DestsReference().Match(catalog) is { Success: true } reference
            ? Dictionary(text, int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture))
            : catalog);
        var items = bookmarks.Where(b => destinations.ContainsKey(b.Destination)).ToList();
        if (items.Count == 0)
            return pdf;

        var outlines = size;
        var objects = new List<(int Number, string Body)>
        {
            (root, $"<<{catalog} /Outlines {outlines} 0 R /PageMode /UseOutlines >>"),
            (outlines, $"<< /Type /Outlines /First {outlines + 1} 0 R /Last {outlines + items.Count} 0 R /Count {items.Count} >>"),
        };
        for (var i = 0; i < items.Count; i++)
        {
            var number = outlines + 1 + i;
            var links = (i > 0 ? $" /Prev {number - 1} 0 R" : "") + (i < items.Count - 1 ? $" /Next {number + 1} 0 R" : "");
            objects.Add((number, $"<< /Title {TextString(items[i].Title)} /Parent {outlines} 0 R{links} /Dest [{destinations[items[i].Destination]}] >>"));
        }

        var update = new StringBuilder("\n");
        var offsets = new Dictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Length + update.Length;
        update.Append("xref\n0 1\n0000000000 65535 f \n");
        update.Append(CultureInfo.InvariantCulture, $"{root} 1\n{offsets[root]:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"{outlines} {items.Count + 1}\n");
        for (var number = outlines; number <= outlines + items.Count; number++)
            update.Append(CultureInfo.InvariantCulture, $"{offsets[number]:D10} 00000 n \n");
        var info = InfoEntry().Match(trailer) is { Success: true } i2 ? $" /Info {i2.Groups[1].Value} 0 R" : "";
        var id = IdEntry().Match(trailer) is { Success: true } i3 ? $" /ID {i3.Groups[0].Value[3..].Trim()}" : "";
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {outlines + items.Count + 1} /Root {root} 0 R{info}{id} /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>The inside of object <paramref name="number"/>'s dictionary (Skia writes objects plainly, not in streams).</summary>
    private static string Dictionary(string text, int number)
    {
        var match = new Regex($@"(?<![0-9]){number} 0 obj\s*<<(.*?)>>\s*endobj", RegexOptions.Singleline).Match(text);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"Object {number} of the PDF was not found.");
    }

    /// <summary>The catalog's <c>/Dests</c>: each name and its explicit destination array's contents.</summary>
    private static Dictionary<string, string> Destinations(string catalog)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Destination().Matches(catalog))
            result.TryAdd(match.Groups[1].Value, match.Groups[2].Value.Trim());
        return result;
    }

    /// <summary>A PDF text string in UTF-16BE with its byte order mark, written as hex so any title is safe.</summary>
    private static string TextString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();

    [GeneratedRegex(@"/Dests\s+(\d+)\s+0\s+R")]
    private static partial Regex DestsReference();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/([A-Za-z0-9_.\-]+)\s*\[([^\]]*)\]")]
    private static partial Regex Destination();
}
