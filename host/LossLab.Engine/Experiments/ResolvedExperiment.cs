using System.Text.Json.Nodes;
using LossLab.Abstractions;
using LossLab.Engine.Plugins;
using LossLab.Evaluation.Experiments;

namespace LossLab.Engine.Experiments;

/// <summary>A configured plugin instance with the descriptor it came from and its options as applied (every option explicit).</summary>
public sealed record ConfiguredPlugin<T>(PluginDescriptor Descriptor, T Instance, JsonObject Options) where T : class, IPlugin
{
    /// <summary>A fresh instance with the same options (runs must not share mutable plugin state).</summary>
    public T CreateFresh()
    {
        var problems = new List<string>();
        return Descriptor.Configure<T>(Options, problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }
}

public sealed record ConfiguredLoss(string Name, ConfiguredPlugin<LossPlugin> Plugin);

/// <summary>An experiment whose plugins were found and whose options were validated; <see cref="Experiment"/> holds every option explicitly.</summary>
public sealed record ResolvedExperiment(
    Experiment Experiment,
    ConfiguredPlugin<DatasetPlugin> Dataset,
    ConfiguredPlugin<ModelPlugin> Model,
    IReadOnlyList<ConfiguredLoss> Losses,
    string Source)
{
    /// <summary>Where relative paths resolve from: <see cref="BaseDirectoryOverride"/>, else the experiment file's folder (the current folder for the embedded default).</summary>
    public string BaseDirectory => BaseDirectoryOverride ?? BaseDirectoryOf(Source);

    /// <summary>With --resume: the folder the first run resolved relative paths from (recorded in results.json).</summary>
    public string? BaseDirectoryOverride { get; init; }

    /// <summary>The folder relative paths in an experiment are resolved against: the file's, or the current one for the embedded default.</summary>
    public static string BaseDirectoryOf(string source) =>
        source == ExperimentFile.DefaultSource ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(source))!;
}
