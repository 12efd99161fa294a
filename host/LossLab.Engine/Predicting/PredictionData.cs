namespace LossLab.Engine.Predicting;

/// <summary>What DATA is and how to read it (the options of <c>losslab predict</c>).</summary>
/// <param name="Path">A CSV file, an image folder, or a dataset spec JSON.</param>
/// <param name="LabelColumn">CSV label column; optional unless <paramref name="LabelRequired"/>.</param>
/// <param name="IdColumn">CSV id column; null: 0-based row numbers.</param>
/// <param name="SplitColumn">CSV split column; null: "split" when present.</param>
/// <param name="Features">--features: CSV feature columns, in order; null for the default choice.</param>
public sealed record PredictionData(string Path, string LabelColumn = "label", bool LabelRequired = false, string? IdColumn = null,
    string? SplitColumn = null, IReadOnlyList<string>? Features = null);
