using System.Globalization;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;
using LossLab.Reports.Verdict;

namespace LossLab.Reports.Sections;

/// <summary>Section 1: what was compared on what, the verdict table, the bootstrap, and the sentences.</summary>
internal sealed class SummarySection(RunReportContext context) : IComponent
{
    public void Compose(IContainer container)
    {
        var results = context.Results;
        container.Column(column =>
        {
            column.Spacing(6);
            column.Item().Text(results.Title, new TextStyle(18, Bold: true));
            column.Item().Note($"Experiment '{results.Name}', started {results.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture)}.");
            column.Item().Heading("1", "Summary");
            column.Item().KeyValues("Setting", "Value", Facts());
            column.Item().Subheading("Verdict");
            column.Item().Component(new VerdictTable(context.Verdict, BestMarker(context)));
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

    private IEnumerable<(string, string)> Facts()
    {
        var r = context.Results;
        var d = r.Dataset;
        yield return ("Dataset", $"{d.Plugin}{(string.IsNullOrEmpty(d.Source) ? "" : $" ({d.Source})")}; {Format.Options(d.Options)}");
        yield return ("Rows", $"{Format.Count(d.Rows)} rows, {Format.Count(d.Positives)} positive, {Format.Count(d.Negatives)} negative; ratio {Format.Ratio(d.Ratio)}" +
            (d.LoadedRows > 0 && d.LoadedRows != d.Rows ? $" (loaded {Format.Count(d.LoadedRows)} rows, {Format.Count(d.LoadedPositives)} positive, before the imbalance stage)" : ""));
        if (d.Splits.Count > 0)
        {
            var order = new[] { "train", "validation", "test" };
            yield return ("Splits", string.Join("; ", d.Splits.OrderBy(s => Array.IndexOf(order, s.Key) is var i && i < 0 ? 99 : i)
                .Select(s => $"{s.Key} {Format.Count(s.Value.Rows)} ({Format.Count(s.Value.Positives)} positive)")));
        }

        if (d.FeatureNames.Count > 0 || d.InputShape.Length > 0)
            yield return ("Input", $"shape [{string.Join(", ", d.InputShape)}]" + (d.FeatureNames.Count is > 0 and <= 12 ? $", features {string.Join(", ", d.FeatureNames)}" : ""));
        yield return ("Model", $"{r.Model.Plugin}; {Format.Options(r.Model.Options)}; {Format.Count((int)Math.Min(int.MaxValue, r.Model.Parameters))} parameters");
        foreach (var loss in r.Losses)
            yield return ($"Loss: {loss.Name}", $"{loss.Plugin}; {Format.Options(loss.Options)}{(string.IsNullOrEmpty(loss.Description) ? "" : $" — {loss.Description}")}");
        yield return ("Seeds", r.Seeds.Count == 0 ? "none" : string.Join(", ", r.Seeds));
        yield return ("Thresholds", r.ThresholdObjectives.Count == 0 ? "0.5 only" : $"0.5 and, tuned on validation: {string.Join(", ", r.ThresholdObjectives)}");
    }
}
