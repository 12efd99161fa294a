using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Experiments;

/// <summary>Which epoch's weights a run scores, written as in an experiment file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EpochSelection>))]
public enum EpochSelection
{
    /// <summary>The weights after the last epoch trained (the seed study's choice, kept for its pinned numbers).</summary>
    [JsonStringEnumMemberName("last")] Last,
    /// <summary>The weights of the epoch with the best monitored validation metric (never test), restored before scoring.</summary>
    [JsonStringEnumMemberName("best")] Best,
}

/// <summary>The validation metric that early stopping and <see cref="EpochSelection.Best"/> watch, written as in an experiment file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitoredMetric>))]
public enum MonitoredMetric
{
    /// <summary>Plain BCE of the scores on validation, whatever the loss trained with: the yardstick every loss shares (lower is better).</summary>
    [JsonStringEnumMemberName("validation_bce")] ValidationBce,
    [JsonStringEnumMemberName("validation_roc_auc")] ValidationRocAuc,
    [JsonStringEnumMemberName("validation_ap")] ValidationAp,
}
