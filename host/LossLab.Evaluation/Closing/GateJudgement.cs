using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>What <see cref="ClosingAnalysis.Gates"/> concludes about one model.</summary>
/// <param name="Results">Each gate's verdict, in the settings' order.</param>
/// <param name="Intervals">Every bootstrap interval computed (the gates' and the extra metrics'), keyed like
/// "roc_auc", "recall@precision>=0.5" or "precision@max_f1@deployment"; empty when the bootstrap was skipped.</param>
public sealed record GateJudgement(List<GateResult> Results, Dictionary<string, Interval> Intervals)
{
    /// <summary>True when every gate passed, false when any failed, null without gates.</summary>
    public bool? Passed => Results.Count == 0 ? null : Results.All(g => g.Passed);
}
