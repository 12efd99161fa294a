using LossLab.Reports.Figures;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>Training loss per loss (own scales) and validation BCE (common scale).</summary>
internal sealed class TrainingSection(RunReportContext context) : IReportSection
{
    public string Title => "Training";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            var runs = context.Results.Runs;
            if (runs.All(r => r.Epochs.Count == 0))
            {
                column.Item().Paragraph("No epochs were recorded for any run.");
                return;
            }

            var training = TrainingCurvesFigure.TrainingLoss(context.Fonts, context.Palette, context.Losses, runs, context.PanelColumns);
            column.Item().Figure(training, training.HeightFor(130),
                $"{heading.Figure("a")} Training loss per epoch, one panel per loss on its own scale (the losses are not comparable in size). " +
                "Thin lines: seeds (runs that failed or diverged included, up to their last epoch); thick line: mean over seeds.");
            column.Item().Figure(TrainingCurvesFigure.ValidationBce(context.Fonts, context.Palette, context.Losses, runs), 210,
                $"{heading.Figure("b")} Validation BCE per epoch on a common scale, the same yardstick for every loss. Thin: seeds; thick: mean; diamonds mark " +
                $"the epoch each run was scored at ({Data.ExperimentFacts.Selection(context.Results.Experiment.Training)}).");
        });
}
