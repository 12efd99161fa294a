using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Verdict;

namespace LossLab.Reports.Sections;

/// <summary>The verdict table: mean ± sd per loss, the best of each column in bold with a marker.</summary>
internal sealed class VerdictTable(VerdictTableModel model, string bestMarker) : IComponent
{
    // Nine columns on an A4 page: a size smaller than other tables so "0.912 ± 0.027" fits on one line.
    private static readonly TextStyle HeaderStyle = new(7f, Bold: true);
    private static readonly TextStyle CellStyle = new(7f);

    private static readonly TextStyle SpreadStyle = new(6.5f, Color: new SkiaSharp.SKColor(0x50, 0x50, 0x50));

    /// <summary>The mean on the first line (bold and marked when best), "± sd" under it: every cell the same shape.</summary>
    private void Cell(TextDescriptor text, VerdictCell cell)
    {
        if (cell.Value is not { Count: > 0 } value)
        {
            text.Span("n/a", CellStyle);
            return;
        }

        text.Span(Data.Format.Metric(value.Mean) + (cell.IsBest ? " " + bestMarker : ""), CellStyle.WithBold(cell.IsBest));
        if (value.Count > 1)
            text.Span("\n± " + Data.Format.Metric(value.Sd), SpreadStyle);
    }

    public void Compose(IContainer container) =>
        container.Column(column =>
        {
            column.Spacing(3);
            column.Item().Table(table =>
            {
                table.RelativeColumn(1.45f);
                foreach (var _ in model.Columns)
                    table.RelativeColumn(1f);
                table.RelativeColumn(1.2f);

                table.HeaderCell().Text("Loss", HeaderStyle);
                foreach (var c in model.Columns)
                    table.HeaderCell().Text(c.Header + (c.LowerIsBetter ? " (lower better)" : ""), HeaderStyle);
                table.HeaderCell().Text($"vs {model.Baseline} (paired bootstrap)", HeaderStyle);

                foreach (var row in model.Rows)
                {
                    table.Cell().Text(t => t.Span(row.Loss + "\n", CellStyle.WithBold()).Span($"{row.CompletedRuns}/{row.Runs} runs", SpreadStyle));
                    foreach (var cell in row.Cells)
                        table.Cell().Text(t => Cell(t, cell));

                    table.Cell().Text(row.CompletedRuns == 0 ? "no completed run" : row.AgainstBaseline, CellStyle);
                }
            });
            column.Item().Note(
                $"Mean (first line) ± sd (second line) over completed seeds, test split. {bestMarker} and bold mark the best mean of each column " +
                "(lowest for ECE). " + (model.Objective is { } o ? $"@{o}: at the threshold tuned for {o} on validation, applied to test." : "No tuned threshold was requested."));
        });
}
