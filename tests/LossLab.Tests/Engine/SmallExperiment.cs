using System.Text.Json.Nodes;
using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using LossLab.Evaluation.Results;

namespace LossLab.Tests.Engine;

/// <summary>A few-second experiment on synthetic data for engine tests.</summary>
public static class SmallExperiment
{
    public static JsonObject Json(params string[] losses) => JsonNode.Parse($$"""
        {
          "name": "small",
          "dataset": { "plugin": "synthetic", "options": { "samples": 1500, "features": 2, "positive_fraction": 0.05, "class_sep": 1.0 } },
          "split": { "validation": 0.2, "test": 0.3 },
          "model": { "plugin": "mlp", "options": { "hidden": [8] } },
          "losses": [{{string.Join(", ", (losses.Length == 0 ? ["bce", "weighted-bce", "focal"] : losses).Select(l => $"\"{l}\""))}}],
          "seeds": [1, 2],
          "training": { "epochs": 6, "batch_size": 128, "learning_rate": 0.02 },
          "thresholds": ["max_f1", "recall>=0.8"],
          "bootstrap": { "resamples": 40 }
        }
        """)!.AsObject();

    public static ResolvedExperiment Resolve(JsonObject json, PluginCatalog? catalog = null) =>
        ExperimentResolver.Resolve(json, "small.json", catalog ?? Support.StandardPlugins.Catalog);

    public static ExperimentResults Run(ResolvedExperiment resolved, string output, int parallel = 1, CancellationToken cancellation = default,
        PreviousResults? previous = null, RecordingProgress? progress = null) =>
        new ExperimentRunner().Run(resolved, new RunOptions(output, parallel, "cpu", "test", previous), progress ?? new RecordingProgress(), cancellation);
}

public sealed class RecordingProgress(Action<EpochProgress>? onEpoch = null) : IRunProgress
{
    public List<string> Messages { get; } = [];
    public void Planned(int runs) { }
    public void Started(string loss, int seed, int index) { }
    public void Epoch(EpochProgress progress) => onEpoch?.Invoke(progress);
    public void Finished(RunResult run) { }
    public void Message(string text) { lock (Messages) Messages.Add(text); }
}
