namespace LossLab.Evaluation;

/// <summary>What <see cref="ClosingAnalysis"/> judges scored runs against: acceptance gates, the deployment
/// prevalence, and the bootstrap behind the gates' intervals.</summary>
public sealed record ClosingSettings
{
    /// <summary>Acceptance gates; their operating points must be among each run's tuned thresholds.</summary>
    public IReadOnlyList<Gate> Gates { get; init; } = [];
    /// <summary>The share of positives expected in deployment, in (0, 1); null for none.</summary>
    public double? DeploymentPrevalence { get; init; }
    /// <summary>Bootstrap resamples (0 skips the intervals; a gate judged on one then fails, saying why).</summary>
    public int BootstrapResamples { get; init; } = 1000;
    /// <summary>Seed of System.Random for the bootstrap.</summary>
    public int BootstrapSeed { get; init; }
    /// <summary>Coverage of the bootstrap intervals, in (0, 1).</summary>
    public double BootstrapConfidence { get; init; } = 0.95;
    /// <summary>Threads the paired bootstrap may use, 0 for every core (<see cref="PairedBootstrap.Run"/>): never a
    /// number, only its speed. Not part of the experiment, so <see cref="Of"/> leaves it at 0.</summary>
    public int BootstrapThreads { get; init; }

    /// <summary>The experiment's gates, deployment prevalence and bootstrap: what <c>run</c> and <c>merge</c> close its runs with.</summary>
    public static ClosingSettings Of(Experiments.Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new()
        {
            Gates = experiment.Gates, DeploymentPrevalence = experiment.Prevalence,
            BootstrapResamples = experiment.Bootstrap.Resamples, BootstrapSeed = experiment.Bootstrap.Seed, BootstrapConfidence = experiment.Bootstrap.Confidence,
        };
    }

    /// <exception cref="InvalidInputException">The first problem of <see cref="Problem"/>.</exception>
    public void Check()
    {
        if (Problem() is { } problem) throw new InvalidInputException(problem);
    }

    /// <summary>The first problem with these settings, or null: resamples or threads below 0, a confidence or prevalence
    /// outside (0, 1), a gate at the deployment prevalence without one (<see cref="GateRequirements.MissingPrevalence"/>).</summary>
    public string? Problem()
    {
        ArgumentNullException.ThrowIfNull(Gates);
        return ResamplesProblem(BootstrapResamples) ?? ThreadsProblem(BootstrapThreads) ?? ConfidenceProblem(BootstrapConfidence) ?? PrevalenceProblem(DeploymentPrevalence)
            ?? GateRequirements.MissingPrevalence(Gates, DeploymentPrevalence);
    }

    public static string? ResamplesProblem(int resamples) =>
        resamples < 0 ? $"Bootstrap resamples must be 0 (skip) or more (got {resamples})." : null;

    public static string? ThreadsProblem(int threads) =>
        threads < 0 ? $"Bootstrap threads must be 0 (every core) or more (got {threads})." : null;

    public static string? ConfidenceProblem(double confidence) =>
        confidence > 0 && confidence < 1 ? null : $"Bootstrap confidence must be in (0, 1) (got {confidence}).";

    public static string? PrevalenceProblem(double? prevalence) =>
        prevalence is { } pi && !(pi > 0 && pi < 1) ? $"The deployment prevalence must be in (0, 1) (got {pi})." : null;
}
