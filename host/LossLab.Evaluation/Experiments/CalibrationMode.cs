using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Experiments;

/// <summary>What a run does to its scores after training, written as in an experiment file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CalibrationMode>))]
public enum CalibrationMode
{
    [JsonStringEnumMemberName("none")] None,
    /// <summary>Temperature scaling fitted on the validation logits (Guo et al. 2017).</summary>
    [JsonStringEnumMemberName("temperature")] Temperature,
}
