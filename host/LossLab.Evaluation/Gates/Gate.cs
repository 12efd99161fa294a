using System.Globalization;

namespace LossLab.Evaluation;

/// <summary>
/// An acceptance gate: <see cref="Metric"/> at an operating point must stay within [<see cref="Min"/>,
/// <see cref="Max"/>]. Judged on the test value, or on the bootstrap interval's pessimistic end
/// (<see cref="GateBasis.LowerCi"/> for a floor, <see cref="GateBasis.UpperCi"/> for a ceiling).
/// </summary>
/// <param name="Metric">A <see cref="GateMetrics"/> name, e.g. "recall", "ece", "roc_auc".</param>
/// <param name="At">Canonical threshold objective (e.g. "precision>=0.5") for a metric read at a threshold;
/// null for a threshold-free metric.</param>
/// <param name="AtDeployment">Judge the metric re-weighted to the deployment prevalence
/// (<see cref="PrevalenceReweighting"/>) instead of the judged rows' own; only for <see cref="GateMetrics.PrevalenceDependent"/>.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(GateJsonConverter))]
public sealed record Gate(string Metric, string? At, double? Min, double? Max, GateBasis Use, bool AtDeployment = false)
{
    /// <summary>How people read it, e.g. "recall at precision>=0.5 ≥ 0.9 (lower CI)".</summary>
    public string Description
    {
        get
        {
            string at = At is null ? "" : $" at {At}";
            var bounds = new List<string>();
            if (Min is { } min) bounds.Add($"≥ {Format(min)}");
            if (Max is { } max) bounds.Add($"≤ {Format(max)}");
            string basis = Use switch { GateBasis.LowerCi => " (lower CI)", GateBasis.UpperCi => " (upper CI)", _ => "" };
            string deployment = AtDeployment ? " at deployment prevalence" : "";
            return $"{Metric}{at}{deployment} {string.Join(" and ", bounds)}{basis}";
        }
    }

    /// <summary>How <see cref="Use"/> is written in a gates file and in results: "value", "lower_ci" or "upper_ci".</summary>
    public string UseName => UseNames[(int)Use];

    /// <summary>The written names of <see cref="GateBasis"/>, in its order.</summary>
    internal static readonly string[] UseNames = ["value", "lower_ci", "upper_ci"];

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>What a gate's bound is compared with.</summary>
public enum GateBasis
{
    /// <summary>The metric on the judged rows.</summary>
    Value,
    /// <summary>The lower end of the bootstrap interval (pessimistic for a floor).</summary>
    LowerCi,
    /// <summary>The upper end of the bootstrap interval (pessimistic for a ceiling).</summary>
    UpperCi,
}
