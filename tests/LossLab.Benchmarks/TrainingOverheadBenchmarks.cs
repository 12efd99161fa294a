using BenchmarkDotNet.Attributes;

namespace LossLab.Benchmarks;

/// <summary>
/// Engine overhead on one training of the seed-003 MLP (100 full-batch epochs, bce, seed 1): Trainer.Run on the
/// runner's prepared SeedData / InitialWeights / RunRequest versus <see cref="BareMlpTraining"/>, the same steps as a
/// bare TorchSharp loop (the baseline), and that loop again with the engine's per-epoch ROC-AUC
/// (<see cref="LossLab.Evaluation.IncrementalRocAuc"/>), then also with its optimizer (ParameterUpdate), so the engine's
/// own overhead shows apart from what those parts save. Target: engine ≤ 1.03 × baseline.
/// </summary>
[Config(typeof(TrainingConfig))]
public class TrainingOverheadBenchmarks
{
    private Seed003Training _setup = null!;
    private BareMlpTraining _bare = null!;
    private BareMlpTraining _bareIncremental = null!;
    private BareMlpTraining _bareEngineParts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new Seed003Training();
        _bare = new BareMlpTraining(_setup);
        _bareIncremental = new BareMlpTraining(_setup, incrementalRocAuc: true);
        _bareEngineParts = new BareMlpTraining(_setup, incrementalRocAuc: true, engineOptimizer: true);
        // Like for like: every side must learn the same thing from the same start and evaluate it the same way.
        var engine = _setup.RunEngine().Result;
        foreach (var bare in new[] { _bare.Run(), _bareIncremental.Run(), _bareEngineParts.Run() })
            Seed003Training.CheckSameRun(engine, bare);
    }

    [Benchmark(Baseline = true, Description = "Bare TorchSharp loop, 100 epochs")]
    public BareMlpTraining.Result BareTorchSharpLoop() => _bare.Run();

    [Benchmark(Description = "Bare loop, engine's incremental ROC-AUC")]
    public BareMlpTraining.Result BareLoopIncrementalRocAuc() => _bareIncremental.Run();

    [Benchmark(Description = "Bare loop, engine's ROC-AUC and optimizer")]
    public BareMlpTraining.Result BareLoopEngineParts() => _bareEngineParts.Run();

    [Benchmark(Description = "Engine Trainer.Run, 100 epochs")]
    public object EngineTrainerRun() => _setup.RunEngine();

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();
}
