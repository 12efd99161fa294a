namespace LossLab.Evaluation.Results;

/// <summary>
/// What loading a weights file into a model did, for results.json and the report's model card: the file and its
/// SHA-256, and every state-dict key sorted into loaded (value from the file), new (kept from the seeded build:
/// a fresh head) and skipped (in the file but not used: a head that does not fit, such as ImageNet's 1000-way fc).
/// </summary>
public sealed record LoadedWeights
{
    /// <summary>The file as read (absolute path).</summary>
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>"pytorch", "safetensors" or "torchsharp".</summary>
    public required string Format { get; init; }
    /// <summary>Model keys whose values came from the file, in the model's state-dict order.</summary>
    public List<string> Loaded { get; init; } = [];
    /// <summary>Model keys that kept their seeded initial values (the fresh head).</summary>
    public List<string> New { get; init; } = [];
    /// <summary>File entries not loaded, each with its shape in the file and in the model (empty when the model has no such key).</summary>
    public List<SkippedWeight> Skipped { get; init; } = [];
}

public sealed record SkippedWeight(string Key, long[] FileShape, long[] ModelShape);
