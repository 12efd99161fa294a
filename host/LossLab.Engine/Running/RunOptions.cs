using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <param name="OutputDirectory">Where results.json, predictions.csv and models/ go.</param>
/// <param name="Parallel">Runs trained at once; 0 lets <see cref="ExecutionPlan"/> choose from the machine and the model.</param>
/// <param name="Device">auto, cpu or cuda.</param>
/// <param name="Previous">With --resume: the earlier results; its completed runs are kept, the rest re-run.</param>
/// <param name="Shard">With --shard i/n: train only that shard's runs (<see cref="LossLab.Evaluation.ShardPlan"/>) and skip the
/// cross-run analysis, which <c>losslab merge</c> does; null for every run.</param>
public sealed record RunOptions(string OutputDirectory, int Parallel = 1, string Device = "auto", string CommandLine = "", PreviousResults? Previous = null,
    ShardInfo? Shard = null);
