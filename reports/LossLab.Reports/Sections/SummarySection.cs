using System.Globalization;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Verdict;

namespace LossLab.Reports.Sections;

/// <summary>What was compared on what, the verdict table, the bootstrap, and the sentences.</summary>
internal sealed class SummarySection(RunReportContext context) : IReportSection
{
    public string Title => "Summary";

    public void Compose(IContainer container, SectionHeading heading)
    {
        var results = context.Results;
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Note($"Experiment '{results.Name}', started {results.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture)}.");
            if (results.Warnings.Count > 0)
            {
                // Before any number: the reasons not to trust some of them.
                column.Item().Subheading($"Warnings ({results.Warnings.Count})");
                column.Item().Bullets(results.Warnings.Select(w => $"{w.Code}: {w.Message}"));
            }
            column.Item().Heading(heading);
            column.Item().KeyValues("Setting", "Value", ExperimentFacts.For(results));
            column.Item().Subheading("Verdict");
            column.Item().Component(new VerdictTable(context.Verdict, BestMarker(context)));
            if (context.Objectives.Count > 0)
            {
                column.Item().Subheading(context.Objectives.Count == 1 ? "The tuned threshold" : $"Every tuned threshold ({context.Objectives.Count} objectives)");
                column.Item().Component(new TunedThresholdsTable(TunedThresholdModel.Build(results)));
            }

            column.Item().Bullets(VerdictWriter.Sentences(results));
            if (results.Bootstrap is { Differences.Count: > 0 } bootstrap)
            {
                column.Item().Subheading($"Paired bootstrap against {bootstrap.Baseline}");
                column.Item().SimpleTable(
                    [("Loss", 1.2f), ("Metric", 1.2f), ("Difference", 1f), ($"{Format.Percent(bootstrap.Confidence, 0)} interval", 1.5f), ("Verdict", 1.3f)],
                    bootstrap.Differences.OrderBy(d => context.Losses.ToList().IndexOf(d.Key)).SelectMany(d => d.Value
                        .OrderBy(m => MetricLabels.Order(m.Key))
                        .Select(m => (IReadOnlyList<string>)[d.Key, MetricLabels.Short(m.Key), Format.Signed(m.Value.Estimate), Format.Interval(m.Value.Lower, m.Value.Upper), m.Value.Verdict])));
                column.Item().Note($"{bootstrap.Resamples:N0} resamples of test rows (seed {bootstrap.Seed}), the same rows for every loss; a metric's value in a resample is its mean over seeds. " +
                    $"F1 is at the threshold tuned for {bootstrap.ThresholdObjective}. 'No clear difference' means the interval contains zero.");
            }
        });
    }

    /// <summary>▲ when the font has it (DejaVu does), otherwise an asterisk, never a missing-glyph box.</summary>
    public static string BestMarker(RunReportContext context) => context.Fonts.CanShow("▲") ? "▲" : "*";
}
