using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using SkiaSharp;

namespace LossLab.Reports.Sections;

/// <summary>
/// The last page when gates were given: the verdict, the gates table, the identity of the data and model by
/// hash, the threshold that ships and where it was tuned, and blank fields a reviewer fills in by hand.
/// </summary>
internal sealed class SignOffPage(SignOffFacts facts) : IReportSection
{
    private static readonly TextStyle Passed = new(11, Bold: true, Color: new SKColor(0x1B, 0x6E, 0x20));
    private static readonly TextStyle Failed = new(11, Bold: true, Color: new SKColor(0xB0, 0x20, 0x00));

    public string Title => "Sign-off";

    public void Compose(IContainer container, SectionHeading heading) =>
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Heading(heading);
            column.Item().Paragraph(facts.Subject);
            int failed = facts.Gates.Count(g => !g.Gate.Passed);
            column.Item().Text(failed == 0
                ? $"All {facts.Gates.Count} acceptance gates passed."
                : $"{failed} of {facts.Gates.Count} acceptance gates failed: this does not meet its acceptance criteria.", failed == 0 ? Passed : Failed);
            column.Item().Gates(facts.Gates, facts.Confidence);
            if (failed > 0) column.Item().Bullets(GatesTable.Failures(facts.Gates));

            column.Item().Subheading("What was judged");
            column.Item().KeyValues("Item", "Identity", facts.Identity);
            column.Item().Subheading("Threshold that ships");
            column.Item().KeyValues("Model", "Threshold and where it was tuned", facts.Shipped);

            column.Item().Subheading("Decision");
            column.Item().KeepTogether().Column(fields =>
            {
                fields.Spacing(14);
                Field(fields.Item(), "Reviewer name");
                Field(fields.Item(), "Date");
                fields.Item().Row(row =>
                {
                    row.ConstantItem(110).Text("Decision", TextStyle.Body.WithBold());
                    row.RelativeItem().Text("☐ Approve      ☐ Approve with conditions      ☐ Reject", TextStyle.Body);
                });
                Field(fields.Item(), "Conditions / notes");
                Field(fields.Item(), "");
                Field(fields.Item(), "Signature");
            });
        });

    private static void Field(IContainer container, string label) =>
        container.Row(row =>
        {
            row.ConstantItem(110).Text(label, TextStyle.Body.WithBold());
            row.RelativeItem().PaddingTop(11).LineHorizontal(0.5f);
        });
}
