namespace LossLab.Engine.Experiments;

/// <summary>Everything wrong with an experiment file and its overrides, found before any training (exit code 2).</summary>
public sealed class ExperimentException(string source, IReadOnlyList<string> problems)
    : Exception($"{source}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
