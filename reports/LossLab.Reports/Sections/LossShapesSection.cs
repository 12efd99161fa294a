using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Each loss as a function of p_t and its gradient, for both targets, then a card per loss.</summary>
internal sealed class LossShapesSection(RunReportContext context) : IReportSection
{
    public string Title => "Loss shapes";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var shapes = context.Results.LossShapes;
            if (shapes.Count == 0)
            {
                column.Item().Paragraph("No loss shapes were recorded for this experiment.");
            }
            else
            {
                column.Item().Paragraph("How hard each loss pushes on an example as a function of p_t, the probability the model gives its true class. " +
                    "Easy examples sit at the right; a loss that keeps a large gradient there spends its updates on examples that are already right.");
                var grid = LossShapeFigure.Build(context.Fonts, context.Palette, shapes);
                column.Item().Figure(grid, grid.HeightFor(190),
                    $"{heading.Figure()} Top: loss against p_t for a positive target (left) and a negative target (right). Bottom: |∂loss/∂logit| on a log axis. " +
                    "Each loss keeps its colour, dash pattern and marker in every figure.");
            }

            if (context.Results.Losses.Count == 0)
                return;
            column.Item().Subheading("The losses compared");
            column.Item().Note("One card per loss: its formula, its options as used and what they mean, what they mean for this data's classes " +
                "(measured by the engine from the loss itself), and the file it was loaded from.");
            foreach (var loss in context.Results.Losses)
                column.Item().Component(new LossCard(loss, context.Results.LossOptions(loss.Name), context.Palette[loss.Name], context.Fonts));
        });
}
