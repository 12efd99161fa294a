using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using SkiaSharp;

namespace LossLab.Reports.Sections;

/// <summary>Acceptance gates as judged: gate, where its threshold came from, value, interval, the number compared, PASS/FAIL.</summary>
internal static class GatesTable
{
    private static readonly TextStyle Pass = TextStyle.TableCell with { Bold = true, Color = new SKColor(0x1B, 0x6E, 0x20) };
    private static readonly TextStyle Fail = TextStyle.TableCell with { Bold = true, Color = new SKColor(0xB0, 0x20, 0x00) };

    /// <param name="rows">Gate results, each with the loss it belongs to (null in a review, which has one model).</param>
    public static void Gates(this IContainer container, IReadOnlyList<(string? Loss, GateResult Gate)> rows, double confidence)
    {
        bool byLoss = rows.Any(r => r.Loss is not null);
        container.Table(table =>
        {
            if (byLoss) table.RelativeColumn(1.25f);
            table.RelativeColumn(2.2f);
            table.RelativeColumn(1.3f);
            table.RelativeColumn(0.8f);
            table.RelativeColumn(1.3f);
            table.RelativeColumn(0.8f);
            table.RelativeColumn(0.7f);
            if (byLoss) table.HeaderCell().Text("Loss", TextStyle.TableHeader);
            foreach (var header in (string[])["Gate", "Threshold (tuned on)", "Value", $"{Format.Percent(confidence, 0)} interval", "Judged", "Result"])
                table.HeaderCell().Text(header, TextStyle.TableHeader);
            foreach (var (loss, gate) in rows)
            {
                if (byLoss) table.Cell().Text(loss ?? "", TextStyle.TableCell.WithBold());
                table.Cell().Text(gate.Gate, TextStyle.TableCell);
                table.Cell().Text(Threshold(gate), TextStyle.TableCell);
                table.Cell().Text(Format.Metric(gate.Value), TextStyle.TableCell);
                table.Cell().Text(Format.Range(gate.Interval), TextStyle.TableCell);
                table.Cell().Text(Format.Metric(gate.Judged), TextStyle.TableCell);
                table.Cell().Text(gate.Passed ? "PASS" : "FAIL", gate.Passed ? Pass : Fail);
            }
        });
    }

    /// <summary>One sentence per failed gate saying why, for under the table.</summary>
    public static IEnumerable<string> Failures(IReadOnlyList<(string? Loss, GateResult Gate)> rows) =>
        rows.Where(r => !r.Gate.Passed).Select(r => $"{(r.Loss is null ? "" : r.Loss + ": ")}{r.Gate.Gate}: {r.Gate.Reason}.");

    private static string Threshold(GateResult gate) => gate.At is null ? "—"
        : gate.Threshold is { } t ? $"{Format.Metric(t, 4)} ({gate.TunedOn})"
        : $"{gate.At} ({gate.TunedOn})";
}
