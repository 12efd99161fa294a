using LossLab.Reports.Data;
using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Reliability diagrams, one per loss.</summary>
internal sealed class CalibrationSection(RunReportContext context) : IReportSection
{
    public string Title => "Calibration";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var panels = context.Losses.Select(loss => (IFigureContent)new PlotFigure(ReliabilityFigure.Panel(
                context.Fonts, context.Palette[loss], context.Test.Pooled(loss), $"{loss}: ECE {Format.MeanSd(context.TestStatistic(loss, "ece"))}"), context.Fonts)).ToList();
            var grid = new PanelGrid(panels, context.PanelColumns);
            column.Item().Figure(grid, grid.HeightFor(175),
                $"{heading.Figure()} Reliability diagrams: per equal-width score bin (10 bins), the mean score against the fraction of positives, {context.PoolingNote}. " +
                "Dotted: perfect calibration. Grey bars: rows per bin on the right-hand log axis; bins with few rows are noisy. " +
                "ECE in each title is the mean ± sd over seeds of the per-seed test ECE.");
            var calibrated = context.Results.Runs.Where(r => r.Calibration is not null).ToList();
            if (calibrated.Count > 0)
            {
                column.Item().SimpleTable([("Loss", 1.2f), ("Seed", 0.6f), ("Method", 1.2f), ("Temperature", 1f), ("Test ECE before", 1f), ("Test ECE after", 1f)],
                    calibrated.Select(r => (IReadOnlyList<string>)[r.Loss, r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Calibration!.Method,
                        Format.Metric(r.Calibration.Temperature), Format.Metric(r.Calibration.TestEceBefore), Format.Metric(r.Calibration.TestEceAfter)]));
            }
        });
}
