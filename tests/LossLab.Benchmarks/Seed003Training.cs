using LossLab.Engine.Data;
using LossLab.Engine.Experiments;
using LossLab.Engine.Native;
using LossLab.Engine.Plugins;
using LossLab.Engine.Running;
using LossLab.Engine.Training;
using TorchSharp;

namespace LossLab.Benchmarks;

/// <summary>
/// The seed-003 setup as the engine prepares it for one run: the embedded default experiment (synthetic, 6000
/// samples, 2 features, positive_fraction 0.01, imbalance 99:1, MLP 2-16-8-1) with training.epochs=100, losses=bce,
/// seeds=[1], bootstrap.resamples=0; the data loaded and subsampled as <see cref="ExperimentRunner"/> does, then one
/// <see cref="SeedData"/>, one <see cref="InitialWeights"/> and the <see cref="RunRequest"/> of (bce, seed 1) on the CPU.
/// </summary>
public sealed class Seed003Training : IDisposable
{
    public const int Epochs = 100;

    /// <summary>Torch intra-op threads for every training benchmark (both sides of a comparison use the same).</summary>
    public const int TorchThreads = 1;

    public static readonly string[] Overrides = [$"training.epochs={Epochs}", "losses=bce", "seeds=[1]", "bootstrap.resamples=0"];

    public ResolvedExperiment Resolved { get; }
    public SeedData Data { get; }
    public InitialWeights Weights { get; }
    public RunRequest Request { get; }

    public Seed003Training()
    {
        TorchRuntime.Prepare();
        torch.set_num_threads(TorchThreads);
        var catalog = new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]);
        if (catalog.Failures.Count > 0)
            throw new InvalidOperationException("plugin discovery failed: " + string.Join("; ", catalog.Failures.Select(f => f.ToString())));
        Resolved = ExperimentResolver.Resolve(null, Overrides, catalog);
        var experiment = Resolved.Experiment;
        var loaded = DatasetLoader.Load(Resolved, _ => { }, CancellationToken.None);
        var data = experiment.Imbalance is null ? loaded : ImbalanceSampler.Apply(loaded, experiment.Imbalance, experiment.Dataset.Seed, _ => { });
        var seed = experiment.Seeds[0];
        Data = new SeedData(data, seed, experiment, torch.CPU);
        Weights = InitialWeights.Draw(Resolved.Model.Instance, data.Info, seed);
        Request = new RunRequest(Resolved.Losses[0], Data, Weights, Resolved.Model.Instance, data.Info, experiment,
            torch.CPU, ModelFolder: null, DecisionBoundary: false);
    }

    /// <summary>One engine training exactly as the runner calls it; throws unless it completed.</summary>
    public Trainer.Outcome RunEngine(Action<EpochProgress>? progress = null)
    {
        var outcome = Trainer.Run(Request, progress, CancellationToken.None);
        if (outcome.Result.Status != LossLab.Evaluation.Results.RunStatus.Completed)
            throw new InvalidOperationException($"engine run ended {outcome.Result.Status}: {outcome.Result.Error}");
        return outcome;
    }

    /// <summary>
    /// Throws unless a bare run reproduces the engine's: the 100 train losses within 1e-4, and the test ROC-AUC and
    /// each tuned threshold within 1e-4 (float32 rounding may differ between the functional and the module forward).
    /// </summary>
    public static void CheckSameRun(LossLab.Evaluation.Results.RunResult engine, BareMlpTraining.Result bare)
    {
        var gap = engine.Epochs.Zip(bare.TrainLosses, (a, b) => Math.Abs(a.TrainLoss - b)).Max();
        if (gap > 1e-4) throw new InvalidOperationException($"the bare loop does not reproduce the engine's train losses (max gap {gap})");
        if (Math.Abs(engine.Test!.RocAuc - bare.Test.RocAuc) > 1e-4)
            throw new InvalidOperationException($"test ROC-AUC: engine {engine.Test.RocAuc}, bare {bare.Test.RocAuc}");
        if (!engine.Thresholds.Keys.SequenceEqual(bare.Thresholds.Keys))
            throw new InvalidOperationException("the bare loop tunes other threshold objectives than the engine");
        foreach (var (name, tuned) in engine.Thresholds)
            if (Math.Abs(tuned.Threshold - bare.Thresholds[name].Threshold) > 1e-4)
                throw new InvalidOperationException($"{name}: engine threshold {tuned.Threshold}, bare {bare.Thresholds[name].Threshold}");
    }

    /// <summary>The initial parameters in the engine model's parameter order (linear1 w, b, linear2 w, b, output w, b).</summary>
    public float[][] InitialParameters()
    {
        using var module = Weights.Instantiate(Resolved.Model.Instance, Request.Info, torch.CPU);
        return module.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();
    }

    public void Dispose()
    {
        Data.Dispose();
        Weights.Dispose();
    }
}
