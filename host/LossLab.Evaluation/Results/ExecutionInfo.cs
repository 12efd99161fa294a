namespace LossLab.Evaluation.Results;

/// <summary>How the runs were executed on this machine, recorded in results.json under environment.execution.</summary>
/// <remarks>Not part of the results: --parallel never changes a number, nor does the thread count for an MLP; for a
/// convolutional model the thread count moves the last float32 bits (ExecutionPlan, ExecutionChoiceTests).</remarks>
public sealed record ExecutionInfo
{
    /// <summary>Runs trained at once.</summary>
    public int Parallel { get; init; }
    /// <summary>Torch intra-op threads (shared by every run in the process).</summary>
    public int Threads { get; init; }
    /// <summary>"auto" (both chosen by LossLab), "user" (both set: --parallel N and training.threads) or "user+auto".</summary>
    public string ChosenBy { get; init; } = "";
    /// <summary>Why, in words: the model's size class and the rule applied.</summary>
    public string Reason { get; init; } = "";
}
