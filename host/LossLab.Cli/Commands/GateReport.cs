using System.Globalization;
using LossLab.Evaluation.Results;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli.Commands;

/// <summary>One log line per judged gate, and the exit code they give: 3 when any failed, else 0.</summary>
public static class GateReport
{
    public static int Log(ILogger logger, IReadOnlyList<GateResult> gates, string? scope = null)
    {
        string prefix = scope is null ? "" : $"{scope}: ";
        foreach (var gate in gates)
        {
            string interval = gate.Interval is { } i ? $" [{F(i.Lower)}, {F(i.Upper)}]" : "";
            if (gate.Passed) logger.LogInformation("PASS {Prefix}{Gate}: {Value}{Interval}", prefix, gate.Gate, F(gate.Value), interval);
            else logger.LogWarning("FAIL {Prefix}{Gate}: {Value}{Interval}; {Reason}", prefix, gate.Gate, F(gate.Value), interval, gate.Reason);
        }
        return gates.All(g => g.Passed) ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
