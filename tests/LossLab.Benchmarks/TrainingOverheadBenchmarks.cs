using BenchmarkDotNet.Attributes;

namespace LossLab.Benchmarks;

/// <summary>
/// Engine overhead on one training of the seed-003 MLP (100 full-batch epochs, bce, seed 1): Trainer.Run on the
/// runner's prepared SeedData / InitialWeights / RunRequest versus <see cref="BareMlpTraining"/>, the same steps as a
/// bare TorchSharp loop (the baseline). Target: engine ≤ 1.03 × baseline.
/// </summary>
[Config(typeof(TrainingConfig))]
public class TrainingOverheadBenchmarks
{
    private Seed003Training _setup = null!;
    private BareMlpTraining _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new Seed003Training();
        _bare = new BareMlpTraining(_setup);
        // Like for like: both sides must learn the same thing from the same start.
        var engine = _setup.RunEngine().Result.Epochs.Select(e => e.TrainLoss).ToArray();
        var bare = _bare.Run();
        var gap = engine.Zip(bare, (a, b) => Math.Abs(a - b)).Max();
        if (gap > 1e-4) throw new InvalidOperationException($"the bare loop does not reproduce the engine's train losses (max gap {gap})");
    }

    [Benchmark(Baseline = true, Description = "Bare TorchSharp loop, 100 epochs")]
    public double[] BareTorchSharpLoop() => _bare.Run();

    [Benchmark(Description = "Engine Trainer.Run, 100 epochs")]
    public object EngineTrainerRun() => _setup.RunEngine();

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();
}
