using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LossLab.Benchmarks;

/// <summary>
/// Short, in-process jobs for a small shared machine. In-process because the engine discovers its plugins in
/// plugins/ beside the executable and TorchRuntime patches libtorch in the executable's folder: a generated
/// out-of-process benchmark project would have neither. Launch 1, warmup 3, 5 measured iterations unless a class
/// asks for more.
/// </summary>
public class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() : this(warmup: 3, iterations: 5) { }

    protected ShortInProcessConfig(int warmup, int iterations)
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(warmup)
            .WithIterationCount(iterations)
            .WithId("ShortInProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Trainings: BenchmarkDotNet measures one method's iterations after the other's, so load from other processes on
/// this shared machine lands on one side only. 30 iterations and the median and minimum beside the mean, which such
/// bursts move least, to resolve a 3 % difference.
/// </summary>
public sealed class TrainingConfig : ShortInProcessConfig
{
    public TrainingConfig() : base(warmup: 3, iterations: 30)
    {
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Min);
    }
}
