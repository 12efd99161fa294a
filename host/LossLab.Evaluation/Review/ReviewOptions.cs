namespace LossLab.Evaluation;

/// <summary>What <see cref="ReviewAnalyzer"/> computes beyond the fixed metrics.</summary>
public sealed record ReviewOptions
{
    /// <summary>Threshold objectives tuned on the tuning rows; the gates' operating points are added to them.</summary>
    public IReadOnlyList<ThresholdObjective> Objectives { get; init; } = [ThresholdObjective.Parse("max_f1"), ThresholdObjective.Parse("youden")];
    /// <summary>Bootstrap resamples of the judged rows (0 skips the bootstrap).</summary>
    public int BootstrapResamples { get; init; } = 1000;
    /// <summary>Seed of System.Random for the bootstrap.</summary>
    public int BootstrapSeed { get; init; } = 0;
    /// <summary>Coverage of the bootstrap intervals, in (0, 1).</summary>
    public double BootstrapConfidence { get; init; } = 0.95;
    /// <summary>Acceptance gates; their operating points are tuned like <see cref="Objectives"/>.</summary>
    public IReadOnlyList<Gate> Gates { get; init; } = [];
    /// <summary>The prevalence expected in deployment, in (0, 1); null for none.</summary>
    public double? DeploymentPrevalence { get; init; }

    /// <summary>The gates, prevalence and bootstrap as the closing analysis shared with <c>losslab run</c> reads them.</summary>
    internal ClosingSettings Closing => new()
    {
        Gates = Gates, DeploymentPrevalence = DeploymentPrevalence,
        BootstrapResamples = BootstrapResamples, BootstrapSeed = BootstrapSeed, BootstrapConfidence = BootstrapConfidence,
    };
}
