using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Training;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>
/// The part of results.json known before the first run: the experiment as resolved, the environment, the plugins,
/// the data, the model and each loss's card. <see cref="RunLedger"/> adds the runs to it.
/// </summary>
internal static class ResultsTemplate
{
    public static ExperimentResults Build(ResolvedExperiment resolved, RunOptions options, EnvironmentInfo environment, Dataset loaded, Dataset data, SeedData first, InitialWeights weights)
    {
        var e = resolved.Experiment;
        var counts = data.Counts;
        return new ExperimentResults
        {
            Name = e.Name, Title = e.Title, StartedAt = DateTimeOffset.UtcNow, CommandLine = options.CommandLine,
            Experiment = e, Environment = environment, ExperimentSha256 = LossLab.Evaluation.Experiments.ExperimentHash.Of(e),
            ExperimentSource = resolved.Source == ExperimentFile.DefaultSource ? resolved.Source : Path.GetFullPath(resolved.Source),
            BaseDirectory = resolved.BaseDirectory,
            Shard = options.Shard, MergedFrom = options.Previous?.Results.MergedFrom,
            Plugins = [.. new[] { resolved.Dataset.Descriptor, resolved.Model.Descriptor }.Concat(resolved.Losses.Select(l => l.Plugin.Descriptor))
                .DistinctBy(d => (d.Kind, d.Name)).Select(d => new PluginUsage(d.Kind.Label(), d.Name, d.Source, d.Sha256))],
            Dataset = new DatasetSummary
            {
                Plugin = resolved.Dataset.Descriptor.Name, Source = data.Info.Source,
                Rows = data.Count, Positives = (int)counts.Positives, Negatives = (int)counts.Negatives,
                Ratio = counts.Positives == 0 ? double.PositiveInfinity : counts.Negatives / (double)counts.Positives,
                InputShape = data.Info.InputShape, FeatureNames = [.. data.Info.FeatureNames], ClassNames = [.. data.Info.ClassNames],
                LoadedRows = loaded.Count, LoadedPositives = (int)loaded.Counts.Positives, Splits = first.Summary(),
                Sha256 = DatasetHash.Of(data),
                SkippedInputs = [.. loaded.Info.SkippedInputs.Select(s => new SkippedInputSummary(s.Path, s.Reason))],
                DroppedColumns = [.. loaded.Info.DroppedColumns],
            },
            Model = new ModelSummary
            {
                Plugin = resolved.Model.Descriptor.Name, Parameters = weights.ParameterCount, TrainableParameters = weights.TrainableCount < weights.ParameterCount ? weights.TrainableCount : null,
                Weights = weights.Pretrained,
            },
            Losses = [.. resolved.Losses.Select(l => LossCard(l, first.TrainCounts))],
            Seeds = [.. e.Seeds],
            ThresholdObjectives = [.. e.Thresholds.Select(t => t.Name)],
        };
    }

    /// <summary>What the report's loss card shows: options as used with their meaning, the formula, and measurements on this data's training counts.</summary>
    private static LossSummary LossCard(ConfiguredLoss loss, ClassCounts counts)
    {
        var descriptor = loss.Plugin.Descriptor;
        return new LossSummary
        {
            Name = loss.Name, Plugin = descriptor.Name, Description = descriptor.Description,
            Source = descriptor.Source, Sha256 = descriptor.Sha256,
            Formula = loss.Plugin.Instance.Formula,
            OptionHelp = descriptor.Options.ToDictionary(o => o.Name, o => o.Description),
            Measurements = Measurements(loss, counts),
        };
    }

    /// <summary>None for a plugin that cannot be evaluated: its loss-shape plot and its runs report why.</summary>
    private static LossMeasurements? Measurements(ConfiguredLoss loss, ClassCounts counts)
    {
        try
        {
            return LossMeasurement.Of(loss.Plugin.CreateFresh(), counts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
