using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>The metrics that depend on prevalence, as sampled and at the stated deployment prevalence.</summary>
/// <param name="AveragePrecision">Per model (loss, or null in a review): AP as sampled and at deployment.</param>
internal sealed record DeploymentFacts(
    double Prevalence,
    double SamplePrevalence,
    string Costs,
    IReadOnlyList<(string? Loss, double Sampled, double Deployed)> AveragePrecision,
    IReadOnlyList<(string? Loss, DeploymentOperatingPoint Point)> Points,
    string Scope);

internal sealed class DeploymentSection(DeploymentFacts facts) : IReportSection
{
    public string Title => "At the deployment prevalence";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            column.Item().Paragraph(
                $"The model will meet {Format.Percent(facts.Prevalence, 2)} positives in deployment; the judged rows hold {Format.Percent(facts.SamplePrevalence, 2)}. " +
                "Precision, F1, average precision and expected cost are recomputed for the deployment prevalence by re-weighting the classes " +
                $"({facts.Scope}).");
            column.Item().Subheading("Average precision");
            column.Item().SimpleTable([("Model", 1.2f), ("As sampled", 1f), ("At deployment", 1f)],
                facts.AveragePrecision.Select(a => (IReadOnlyList<string>)[a.Loss ?? "scores", Format.Metric(a.Sampled), Format.Metric(a.Deployed)]));
            column.Item().Subheading("Operating points");
            column.Item().Deployment(facts.Points);
            column.Item().Note(DeploymentTable.Note(facts.Prevalence, facts.SamplePrevalence, facts.Costs));
        });
}
