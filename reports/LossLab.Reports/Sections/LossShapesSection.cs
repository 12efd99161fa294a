using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Section 2: each loss as a function of p_t and its gradient, for both targets.</summary>
internal sealed class LossShapesSection(RunReportContext context) : IComponent
{
    public void Compose(IContainer container) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading("2", "Loss shapes");
            var shapes = context.Results.LossShapes;
            if (shapes.Count == 0)
            {
                column.Item().Paragraph("No loss shapes were recorded for this experiment.");
                return;
            }

            column.Item().Paragraph("How hard each loss pushes on an example as a function of p_t, the probability the model gives its true class. " +
                "Easy examples sit at the right; a loss that keeps a large gradient there spends its updates on examples that are already right.");
            var grid = LossShapeFigure.Build(context.Fonts, context.Palette, shapes);
            column.Item().Figure(grid, grid.HeightFor(190),
                "Figure 2. Top: loss against p_t for a positive target (left) and a negative target (right). Bottom: |∂loss/∂logit| on a log axis. " +
                "Each loss keeps its colour, dash pattern and marker in every figure.");
        });
}
