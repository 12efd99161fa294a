namespace LossLab.Evaluation.Tests.Reference;

/// <summary>Threshold objectives from their text, as the CLI and the experiment parser read them.</summary>
internal static class Objectives
{
    public static IReadOnlyList<ThresholdObjective> Of(params string[] texts) => [.. texts.Select(ThresholdObjective.Parse)];
}
