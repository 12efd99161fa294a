using System.Text;

namespace LossLab.Reports.Output;

/// <summary>A GitHub-flavoured Markdown table; cell text is escaped so a '|' in a name cannot break the row.</summary>
internal static class MarkdownTable
{
    public static void Append(StringBuilder markdown, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        markdown.AppendLine("| " + string.Join(" | ", headers.Select(Escape)) + " |");
        markdown.AppendLine("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in rows)
            markdown.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        markdown.AppendLine();
    }

    public static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");
}
