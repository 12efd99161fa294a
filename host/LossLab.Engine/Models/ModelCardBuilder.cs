using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Training;
using LossLab.Evaluation;
using LossLab.Evaluation.Models;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Models;

/// <summary>The <see cref="ModelCard"/> of one completed run, from the experiment, the seed's data and the run's result.</summary>
internal static class ModelCardBuilder
{
    public static ModelCard Build(ResolvedExperiment resolved, DatasetInfo info, SeedData data, RunResult run, ExperimentResults template, string folder) => new()
    {
        Plugin = resolved.Model.Descriptor.Name,
        Options = (System.Text.Json.Nodes.JsonObject)resolved.Model.Options.DeepClone(),
        InputShape = [.. info.InputShape],
        FeatureNames = [.. info.FeatureNames],
        Standardization = data.Standardizer is { } s ? new Standardization([.. s.Mean], [.. s.Sd]) : null,
        Image = ImageOf(info, resolved.Experiment.Dataset.Options, data.Pixels),
        ClassNames = [.. info.ClassNames],
        Loss = run.Loss,
        Seed = run.Seed,
        Thresholds = run.Thresholds.ToDictionary(t => t.Key, t => new ModelThreshold(t.Key, t.Value.Threshold, t.Value.TunedOn)),
        Temperature = run.Calibration?.Temperature,
        Weights = SavedWeights.TorchSharpFile,
        WeightsSha256 = FileHash.Of(Path.Combine(folder, SavedWeights.TorchSharpFile)),
        StateDict = SavedWeights.StateDictFile,
        StateDictSha256 = FileHash.Of(Path.Combine(folder, SavedWeights.StateDictFile)),
        DatasetSha256 = template.Dataset.Sha256,
        // File names, not paths: the folder must mean the same on another machine; the SHA-256s identify the DLLs.
        Plugins = [.. template.Plugins.Select(p => p with { Source = Path.GetFileName(p.Source) })],
    };

    /// <summary>
    /// Images as the image-folder plugin made them: [C, size, size], pixels / 255 (grey by torchvision's weights),
    /// resized and normalised as its options said, with the training split's channel statistics for 'dataset', so
    /// that predict converts new images exactly as training did.
    /// </summary>
    private static ImagePreprocessing? ImageOf(DatasetInfo info, System.Text.Json.Nodes.JsonObject options, Data.PixelInputs? pixels)
    {
        if (info.InputShape is not [var channels, var height, var width] || height != width) return null;
        var normalize = JsonEnumName(info.Pixels?.Normalization ?? PixelNormalization.None);
        return new ImagePreprocessing(width, channels, channels == 1 ? "grey = 0.2989 R + 0.587 G + 0.114 B of pixel / 255, in [0, 1]" : "RGB pixel / 255, in [0, 1]",
            Resize: (string?)options["resize"] ?? "center-crop", Normalize: normalize,
            Mean: normalize == "dataset" ? pixels?.Mean : null, Std: normalize == "dataset" ? pixels?.Std : null);
    }

    private static string JsonEnumName(PixelNormalization normalization) => normalization.ToString().ToLowerInvariant();
}
