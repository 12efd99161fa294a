using System.Globalization;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>Compares a gate's value (or its interval's pessimistic end) with its bounds.</summary>
public static class GateEvaluator
{
    /// <param name="value">The metric on the judged rows at the gate's operating point.</param>
    /// <param name="interval">Its bootstrap interval, or null when none was computed.</param>
    /// <param name="threshold">The threshold of the operating point, for the record.</param>
    /// <param name="tunedOn">Where that threshold was tuned, for the record.</param>
    public static GateResult Judge(Gate gate, double value, Interval? interval, double? threshold = null, string? tunedOn = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        double judged = gate.Use switch
        {
            GateBasis.LowerCi => interval?.Lower ?? double.NaN,
            GateBasis.UpperCi => interval?.Upper ?? double.NaN,
            _ => value,
        };
        string reason =
            double.IsNaN(judged) ? (gate.Use == GateBasis.Value ? "the metric is undefined on these rows" : "no bootstrap interval to judge (bootstrap resamples must be ≥ 1)")
            : judged < gate.Min ? $"{Name(gate)} {Format(judged)} is below the minimum {Format(gate.Min.Value)}"
            : judged > gate.Max ? $"{Name(gate)} {Format(judged)} is above the maximum {Format(gate.Max.Value)}"
            : "";
        return new GateResult
        {
            Gate = gate.Description,
            Metric = gate.Metric,
            At = gate.At,
            Threshold = threshold,
            TunedOn = tunedOn,
            Min = gate.Min,
            Max = gate.Max,
            Use = gate.UseName,
            Value = value,
            Interval = interval,
            Judged = judged,
            Passed = reason.Length == 0,
            Reason = reason,
        };
    }

    private static string Name(Gate gate) => gate.Use switch
    {
        GateBasis.LowerCi => "the interval's lower end",
        GateBasis.UpperCi => "the interval's upper end",
        _ => "the value",
    };

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
