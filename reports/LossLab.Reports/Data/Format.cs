using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;

namespace LossLab.Reports.Data;

/// <summary>Number formatting shared by the PDF, summary.md and metrics.csv (invariant culture everywhere).</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Metric(double value, int digits = 3) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + digits, Invariant);

    /// <summary>"0.912 ± 0.010"; a single completed seed has no spread, so just the value.</summary>
    public static string MeanSd(Statistic? statistic, int digits = 3) => statistic switch
    {
        null => "n/a",
        { Count: 0 } => "n/a",
        { Count: 1 } s => Metric(s.Mean, digits),
        var s => $"{Metric(s.Mean, digits)} ± {Metric(s.Sd, digits)}",
    };

    public static string Signed(double value, int digits = 3) =>
        double.IsNaN(value) ? "n/a" : value.ToString((value >= 0 ? "+" : "") + "0." + new string('0', digits), Invariant);

    public static string Interval(double lower, double upper, int digits = 3) =>
        $"[{Signed(lower, digits)}, {Signed(upper, digits)}]";

    /// <summary>"[0.826, 0.946]" for a metric's interval, or "—" when there is none (unsigned; <see cref="Interval"/> is for differences).</summary>
    public static string Range(Interval? interval, int digits = 3) =>
        interval is null ? "—" : $"[{Metric(interval.Lower, digits)}, {Metric(interval.Upper, digits)}]";

    /// <summary>"99.0%": the invariant culture's "P" format would write "99.0 %".</summary>
    public static string Percent(double fraction, int digits = 1) =>
        double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("F" + digits, Invariant) + "%";

    public static string Count(int value) => value.ToString("N0", Invariant);

    public static string Ratio(double ratio) =>
        double.IsFinite(ratio) ? $"{ratio.ToString(ratio >= 10 ? "F0" : "F1", Invariant)}:1" : "n/a";

    public static string Number(double value) => value.ToString("G6", Invariant);

    public static string Options(JsonObject options) =>
        options.Count == 0 ? "defaults" : string.Join(", ", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={OptionValue(o.Value)}"));

    /// <summary>An option value as an experiment file writes it, strings unquoted and lists on one line: "[16, 8]".</summary>
    public static string OptionValue(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray items => "[" + string.Join(", ", items.Select(OptionValue)) + "]",
        // An empty string shows as "" ("feature_columns=" read as a typo).
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } text ? text : "\"\"",
        _ => value.ToJsonString(),
    };
}
