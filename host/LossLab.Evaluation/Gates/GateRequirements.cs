namespace LossLab.Evaluation;

/// <summary>What judging a set of gates needs besides the scores; each check gives the problem, or null when there is none.</summary>
public static class GateRequirements
{
    /// <summary>A gate judged at the deployment prevalence needs a prevalence (from an experiment's "prevalence", or review's --prevalence).</summary>
    public static string? MissingPrevalence(IEnumerable<Gate> gates, double? prevalence)
    {
        ArgumentNullException.ThrowIfNull(gates);
        return prevalence is null && gates.FirstOrDefault(g => g.AtDeployment) is { } deployed
            ? $"Gate '{deployed.Description}' is judged at the deployment prevalence; add \"prevalence\" (e.g. 0.002) to the experiment, or --prevalence to a review."
            : null;
    }

    /// <summary>A gate judged on the bootstrap interval needs at least one resample (review refuses it up front;
    /// <c>losslab run</c> fails the gate, saying why).</summary>
    public static string? MissingInterval(IEnumerable<Gate> gates, int resamples)
    {
        ArgumentNullException.ThrowIfNull(gates);
        return resamples == 0 && gates.FirstOrDefault(g => g.Use != GateBasis.Value) is { } ciGate
            ? $"Gate '{ciGate.Description}' is judged on the bootstrap interval; bootstrap resamples must be at least 1."
            : null;
    }
}
