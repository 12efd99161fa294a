namespace LossLab.Reports.Verdict;

/// <summary>
/// One column of the verdict table: a metric read from the aggregates, at 0.5 (<see cref="Objective"/> null) or at
/// the tuned threshold of an objective.
/// </summary>
internal sealed record MetricColumn(string Header, string Metric, string? Objective, bool LowerIsBetter = false);
