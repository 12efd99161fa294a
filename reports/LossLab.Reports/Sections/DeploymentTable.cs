using System.Globalization;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Layout;
using LossLab.Reports.Layout.Fluent;

namespace LossLab.Reports.Sections;

/// <summary>
/// Each operating point as sampled and at the deployment prevalence, side by side ("sampled → deployed"), so a
/// threshold tuned on a rebalanced split cannot look better than it will be.
/// </summary>
internal static class DeploymentTable
{
    public static void Deployment(this IContainer container, IReadOnlyList<(string? Loss, DeploymentOperatingPoint Point)> rows)
    {
        bool byLoss = rows.Any(r => r.Loss is not null);
        container.Table(table =>
        {
            if (byLoss) table.RelativeColumn(1.3f);
            foreach (var width in (float[])[1.4f, 0.95f, 0.65f, 0.7f, 1.3f, 1.3f, 1.4f, 0.9f]) table.RelativeColumn(width);
            if (byLoss) table.HeaderCell().Text("Loss", TextStyle.TableHeader);
            foreach (var header in (string[])["Operating point", "Threshold", "Recall", "FPR", "Precision", "F1", "Expected cost", "Flagged per 10k"])
                table.HeaderCell().Text(header, TextStyle.TableHeader);
            foreach (var (loss, p) in rows)
            {
                if (byLoss) table.Cell().Text(loss ?? "", TextStyle.TableCell.WithBold());
                table.Cell().Text(p.Name, TextStyle.TableCell);
                table.Cell().Text(Format.Metric(p.Threshold, 4), TextStyle.TableCell);
                table.Cell().Text(Format.Metric(p.Recall), TextStyle.TableCell);
                table.Cell().Text(Format.Metric(p.FalsePositiveRate, 4), TextStyle.TableCell);
                table.Cell().Text(Arrow(p.SamplePrecision, p.DeploymentPrecision), TextStyle.TableCell);
                table.Cell().Text(Arrow(p.SampleF1, p.DeploymentF1), TextStyle.TableCell);
                table.Cell().Text(Arrow(p.SampleExpectedCost, p.DeploymentExpectedCost, 4), TextStyle.TableCell);
                table.Cell().Text((p.DeploymentFlaggedRate * 10_000).ToString("F1", CultureInfo.InvariantCulture), TextStyle.TableCell);
            }
        });
    }

    /// <summary>What the table shows, in words, for under it.</summary>
    public static string Note(double prevalence, double samplePrevalence, string costs) =>
        $"Each cell reads 'as sampled → at deployment'. The judged rows hold {Format.Percent(samplePrevalence, 2)} positives; deployment is stated as " +
        $"{Format.Percent(prevalence, 2)} (1 in {Format.Number(Math.Round(1 / prevalence, 1))}). Recall and the false positive rate (FPR) do not depend on prevalence; " +
        "precision(π) = TPR·π / (TPR·π + FPR·(1 − π)), and F1 follows from it. Expected cost per example = c_FN·π·(1 − TPR) + c_FP·(1 − π)·FPR, " +
        $"with {costs}. Rows named 'OBJECTIVE at π' re-tune that objective on the validation rows re-weighted to π (F_β, precision floors and costs " +
        "depend on prevalence; recall floors and Youden's J do not), then judge it like the others.";

    /// <summary>The mean over seeds of each field, for a loss trained under several seeds.</summary>
    public static DeploymentOperatingPoint Mean(IReadOnlyList<DeploymentOperatingPoint> points) => new()
    {
        Name = points[0].Name,
        Threshold = points.Average(p => p.Threshold),
        TunedOn = points[0].TunedOn,
        Recall = points.Average(p => p.Recall),
        FalsePositiveRate = points.Average(p => p.FalsePositiveRate),
        SamplePrecision = points.Average(p => p.SamplePrecision),
        DeploymentPrecision = points.Average(p => p.DeploymentPrecision),
        SampleF1 = points.Average(p => p.SampleF1),
        DeploymentF1 = points.Average(p => p.DeploymentF1),
        SampleExpectedCost = points.Average(p => p.SampleExpectedCost),
        DeploymentExpectedCost = points.Average(p => p.DeploymentExpectedCost),
        DeploymentFlaggedRate = points.Average(p => p.DeploymentFlaggedRate),
    };

    private static string Arrow(double sample, double deployed, int digits = 3) => $"{Format.Metric(sample, digits)} → {Format.Metric(deployed, digits)}";
}
