using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation.Models;

/// <summary>
/// model.json of a saved LossLab model folder (<c>models/&lt;loss&gt;_seed&lt;k&gt;/</c>): everything needed to score new
/// rows exactly as the run scored its test split, without the experiment: the architecture (model plugin and its
/// options), the input, the preprocessing fitted on the training split, the decision thresholds and where they were
/// tuned, and SHA-256s of the weights, the data and the plugins.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The schema this build writes and the newest it reads.</summary>
    public const int CurrentSchema = 1;

    public const string FileName = "model.json";

    public int SchemaVersion { get; init; } = CurrentSchema;
    /// <summary>Model plugin name, e.g. "mlp".</summary>
    public required string Plugin { get; init; }
    /// <summary>The plugin's options as trained (every option explicit).</summary>
    public required JsonObject Options { get; init; }
    /// <summary>Shape of one example: [features] for tables, [channels, height, width] for images.</summary>
    public required int[] InputShape { get; init; }
    /// <summary>Feature names in the order the model takes them (tables); empty for images.</summary>
    public string[] FeatureNames { get; init; } = [];
    /// <summary>z = (x − mean) / sd per feature, fitted on the training split; null when the input is not standardised.</summary>
    public Standardization? Standardization { get; init; }
    /// <summary>How images were turned into tensors; null for tables.</summary>
    public ImagePreprocessing? Image { get; init; }
    /// <summary>Names of label 0 and label 1.</summary>
    public string[] ClassNames { get; init; } = [];
    public required string Loss { get; init; }
    public int Seed { get; init; }
    /// <summary>Keyed by objective, each with the split it was tuned on.</summary>
    public Dictionary<string, ModelThreshold> Thresholds { get; init; } = [];
    /// <summary>Temperature T fitted on validation (scores = σ(logit / T)); null when not calibrated.</summary>
    public double? Temperature { get; init; }
    /// <summary>The weights in TorchSharp's format, relative to the folder.</summary>
    public required string Weights { get; init; }
    public required string WeightsSha256 { get; init; }
    /// <summary>The same weights as a PyTorch state_dict (torch.load / load_state_dict), relative to the folder.</summary>
    public string? StateDict { get; init; }
    public string? StateDictSha256 { get; init; }
    /// <summary>SHA-256 of the training data's content (see results.json's dataset.sha256).</summary>
    public string DatasetSha256 { get; init; } = "";
    /// <summary>The plugins the model was trained with (dataset, model, loss), each with its file's SHA-256.</summary>
    public List<PluginUsage> Plugins { get; init; } = [];
}

/// <param name="Mean">Per feature, in <see cref="ModelCard.FeatureNames"/> order.</param>
/// <param name="Sd">Population standard deviation per feature (1 for a constant feature).</param>
public sealed record Standardization(double[] Mean, double[] Sd);

/// <param name="Size">Side in pixels every image is resized to.</param>
/// <param name="Channels">1 (grey, torchvision's rgb_to_grayscale weights) or 3 (RGB).</param>
/// <param name="Normalization">How pixel values were scaled, in words, e.g. "RGB pixel / 255, in [0, 1]".</param>
/// <param name="Resize">The image-folder plugin's resize mode: center-crop or stretch.</param>
/// <param name="Normalize">none, imagenet or dataset: what was subtracted and divided per channel after scaling.</param>
/// <param name="Mean">With <paramref name="Normalize"/> dataset: the training split's per-channel mean (else null).</param>
/// <param name="Std">With <paramref name="Normalize"/> dataset: the training split's per-channel population std.</param>
public sealed record ImagePreprocessing(int Size, int Channels, string Normalization, string Resize = "center-crop", string Normalize = "none",
    float[]? Mean = null, float[]? Std = null);

/// <param name="Objective">E.g. "max_f1".</param>
/// <param name="TunedOn">The split the threshold was tuned on, e.g. "validation".</param>
public sealed record ModelThreshold(string Objective, double Threshold, string TunedOn);
