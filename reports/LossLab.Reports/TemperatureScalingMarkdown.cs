using System.Globalization;
using System.Text;
using LossLab.Evaluation.Results;
using LossLab.Reports.Data;
using LossLab.Reports.Output;

namespace LossLab.Reports;

/// <summary>
/// summary.md's temperature-scaling section (calibrate: temperature): per run, the temperature fitted on validation
/// and the test ECE before and after, as the PDF's calibration table shows them; nothing without calibration.
/// </summary>
internal static class TemperatureScalingMarkdown
{
    public static void Append(StringBuilder md, ExperimentResults results)
    {
        var calibrated = results.Runs.Where(r => r.Calibration is not null).ToList();
        if (calibrated.Count == 0) return;
        md.AppendLine("## Temperature scaling").AppendLine();
        MarkdownTable.Append(md, ["Loss", "Seed", "Temperature", "Test ECE before", "Test ECE after"],
            calibrated.Select(r => (IReadOnlyList<string>)[r.Loss, r.Seed.ToString(CultureInfo.InvariantCulture),
                Format.Metric(r.Calibration!.Temperature), Format.Metric(r.Calibration.TestEceBefore), Format.Metric(r.Calibration.TestEceAfter)]));
        md.AppendLine("Scores become σ(logit / T), T fitted on the validation logits (Guo et al. 2017); the verdict and the other metrics use the scores before scaling.").AppendLine();
    }
}
