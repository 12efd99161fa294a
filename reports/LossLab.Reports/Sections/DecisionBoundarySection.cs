using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Score maps over the two features, for two-feature datasets.</summary>
internal sealed class DecisionBoundarySection(RunReportContext context) : IReportSection
{
    public string Title => "Decision boundaries";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var boundaries = context.Results.DecisionBoundaries;
            if (boundaries.Count == 0)
            {
                column.Item().Paragraph($"Not applicable: decision boundaries are drawn for datasets with two features, and this one has input shape " +
                    $"[{string.Join(", ", context.Results.Dataset.InputShape)}].");
                return;
            }

            var ordered = boundaries.OrderBy(b => context.Losses.ToList().IndexOf(b.Loss)).ToList();
            var panels = ordered.Select(b => (IFigureContent)new PlotFigure(DecisionBoundaryFigure.Panel(
                context.Fonts, context.Palette[b.Loss], b, context.Results.Dataset.FeatureNames), context.Fonts)).ToList();
            var grid = new PanelGrid(panels, context.PanelColumns);
            var missing = context.Losses.Except(ordered.Select(b => b.Loss)).ToList();
            column.Item().Figure(grid, grid.HeightFor(175),
                $"{heading.Figure()} Model score over the (standardised) feature plane, first completed seed of each loss: blue is low, orange high; " +
                "the black contour is score 0.5. Test points on top: small grey squares negatives, markers positives." +
                (missing.Count > 0 ? $" No grid for: {string.Join(", ", missing)} (no completed run)." : ""));
        });
}
