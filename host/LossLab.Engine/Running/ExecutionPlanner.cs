using LossLab.Abstractions;
using LossLab.Engine.Experiments;
using LossLab.Engine.Training;

namespace LossLab.Engine.Running;

/// <summary>Reads what <see cref="ExecutionPlan.Choose"/> needs from the machine, the experiment and one throwaway build of its model.</summary>
internal static class ExecutionPlanner
{
    /// <param name="parallel">--parallel N, or 0 for auto.</param>
    public static ExecutionPlan Plan(ResolvedExperiment resolved, DatasetInfo info, InitialWeights weights, SeedData first, TorchSharp.torch.Device device, int parallel, IRunProgress progress)
    {
        var experiment = resolved.Experiment;
        var layers = ModeLayers(resolved, info);
        var shape = info.InputShape;
        var inputs = new ExecutionPlan.Inputs(
            Cores: Environment.ProcessorCount,
            AvailableMemory: GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            Parameters: weights.ParameterCount,
            InputElements: shape.Aggregate(1L, (a, b) => a * b),
            SpatialPositions: shape.Length >= 3 ? (long)shape[^1] * shape[^2] : 1,
            BatchRows: experiment.Training.BatchSize > 0 ? experiment.Training.BatchSize : first.Summary()["train"].Rows,
            Runs: resolved.Losses.Count * experiment.Seeds.Count,
            DrawsRandomNumbers: layers.DrawsRandomNumbers,
            OnGpu: device.type == TorchSharp.DeviceType.CUDA);
        if (layers.DrawsRandomNumbers && parallel > 1)
            progress.Message($"the model's {string.Join(", ", layers.Random)} draw from torch's global generator, so runs train one at a time to stay reproducible (--parallel ignored)");
        return ExecutionPlan.Choose(parallel, experiment.Training.Threads, inputs);
    }

    /// <summary>
    /// The model's mode-dependent layers (<see cref="TrainingModeLayers"/>), read from one throwaway build; the build
    /// itself draws initial weights, hence the generator's lock, and every run reseeds before it trains.
    /// </summary>
    private static TrainingModeLayers ModeLayers(ResolvedExperiment resolved, DatasetInfo info)
    {
        TrainingModeLayers? layers = null;
        InitialWeights.WithTorchRandom(() =>
        {
            using var module = resolved.Model.Instance.Build(info);
            layers = TrainingModeLayers.Of(module);
        });
        return layers!;
    }
}
