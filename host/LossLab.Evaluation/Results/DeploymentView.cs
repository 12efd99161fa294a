namespace LossLab.Evaluation.Results;

/// <summary>
/// The prevalence-dependent metrics of the judged rows, as sampled and re-weighted to the prevalence the model
/// will meet in deployment (<see cref="PrevalenceReweighting"/>), side by side.
/// </summary>
public sealed record DeploymentView
{
    /// <summary>π, the share of positives expected in deployment.</summary>
    public double Prevalence { get; init; }
    /// <summary>The share of positives in the judged rows.</summary>
    public double SamplePrevalence { get; init; }
    /// <summary>w = (1 − π)/π · P/N: the weight a judged negative gets so the rows have prevalence π.</summary>
    public double NegativeWeight { get; init; }
    public double FalsePositiveCost { get; init; } = 1;
    public double FalseNegativeCost { get; init; } = 1;
    /// <summary>Where the costs came from: the first cost:FP,FN objective, or unit costs (expected cost = error rate).</summary>
    public string Costs { get; init; } = "";
    public double SampleAveragePrecision { get; init; }
    public double DeploymentAveragePrecision { get; init; }
    /// <summary>0.5 first, then each tuned threshold.</summary>
    public List<DeploymentOperatingPoint> OperatingPoints { get; init; } = [];
}

/// <summary>One threshold's decisions as sampled and at the deployment prevalence. Recall and the false
/// positive rate do not depend on prevalence; precision, F1, expected cost and the flagged share do.</summary>
public sealed record DeploymentOperatingPoint
{
    /// <summary>"0.5" or the objective that tuned the threshold.</summary>
    public required string Name { get; init; }
    public double Threshold { get; init; }
    public string? TunedOn { get; init; }
    public double Recall { get; init; }
    public double FalsePositiveRate { get; init; }
    public double SamplePrecision { get; init; }
    public double DeploymentPrecision { get; init; }
    public double SampleF1 { get; init; }
    public double DeploymentF1 { get; init; }
    /// <summary>Expected cost per example: c_FN·π·(1 − TPR) + c_FP·(1 − π)·FPR.</summary>
    public double SampleExpectedCost { get; init; }
    public double DeploymentExpectedCost { get; init; }
    /// <summary>Share of all examples flagged positive at deployment: TPR·π + FPR·(1 − π).</summary>
    public double DeploymentFlaggedRate { get; init; }
}
