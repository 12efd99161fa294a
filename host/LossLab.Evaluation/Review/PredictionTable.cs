namespace LossLab.Evaluation;

/// <summary>A user's scored rows, as read by <see cref="PredictionTableReader"/>.</summary>
/// <param name="Source">Where the rows came from (the file path), for messages and the report.</param>
/// <param name="Labels">0/1 labels.</param>
/// <param name="Scores">Probabilities of class 1, in [0, 1].</param>
/// <param name="Splits">Per row "validation" or "test" when a split column was read; null otherwise.</param>
public sealed record PredictionTable(string Source, int[] Labels, double[] Scores, string[]? Splits)
{
    /// <summary>The --where filters applied, as "column=value", in the order given.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>SHA-256 of the rows kept (see RowsHash); null when the table was not read from a file.</summary>
    public string? RowsSha256 { get; init; }

    /// <summary>The split column read, or null.</summary>
    public string? SplitColumn { get; init; }

    /// <summary>True when the split column was not named but found by its name "split".</summary>
    public bool SplitColumnFound { get; init; }

    public ScoreKind ScoreKind { get; init; } = ScoreKind.Probability;
}
