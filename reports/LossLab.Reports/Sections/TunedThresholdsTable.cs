using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Verdict;

namespace LossLab.Reports.Sections;

/// <summary>Every tuned objective's threshold and F1 / recall / precision per loss, grouped by objective.</summary>
internal sealed class TunedThresholdsTable(IReadOnlyList<TunedThresholdRow> rows) : IComponent
{
    private static readonly TextStyle HeaderStyle = new(7.5f, Bold: true);
    private static readonly TextStyle CellStyle = new(7.5f);

    public void Compose(IContainer container) =>
        container.Column(column =>
        {
            column.Spacing(3);
            column.Item().Table(table =>
            {
                table.RelativeColumn(1.1f);
                table.RelativeColumn(1.1f);
                table.RelativeColumn(1.5f);
                table.RelativeColumn(1f);
                table.RelativeColumn(1f);
                table.RelativeColumn(1f);
                foreach (var header in (string[])["Objective", "Loss", "Threshold (tuned on validation)", "F1 (test)", "Recall (test)", "Precision (test)"])
                    table.HeaderCell().Text(header, HeaderStyle);

                string? previous = null;
                foreach (var row in rows)
                {
                    // The objective once per group: the rows under it read as its block.
                    table.Cell().Text(row.Objective == previous ? "" : row.Objective, CellStyle.WithBold());
                    previous = row.Objective;
                    table.Cell().Text(row.Loss, CellStyle);
                    table.Cell().Text(Format.MeanSd(row.Threshold) + (row.Infeasible > 0 ? $" (floor not met in {row.Infeasible} of {row.Threshold?.Count} seeds)" : ""), CellStyle);
                    table.Cell().Text(Format.MeanSd(row.F1), CellStyle);
                    table.Cell().Text(Format.MeanSd(row.Recall), CellStyle);
                    table.Cell().Text(Format.MeanSd(row.Precision), CellStyle);
                }
            });
            column.Item().Note("Mean ± sd over completed seeds. Each seed tunes its own threshold on validation and is judged on test at it; " +
                "where a floor such as recall>=0.9 cannot be met, the closest threshold is used and the row says so.");
        });
}
