using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Experiments;

/// <summary>The optimizers a run can train with, written as in an experiment file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    [JsonStringEnumMemberName("adam")] Adam,
    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter 2019).</summary>
    [JsonStringEnumMemberName("adamw")] AdamW,
    [JsonStringEnumMemberName("sgd")] Sgd,
}
