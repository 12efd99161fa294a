using LossLab.Engine.Running;

namespace LossLab.Tests.Engine;

/// <summary>The rules of <see cref="ExecutionPlan.Choose"/>, machine by machine (the machine is an input, so any core count can be tested).</summary>
public sealed class ExecutionPlanTests
{
    private const long GiB = 1L << 30;

    /// <summary>The seed-study MLP: 193 parameters, 2 features, full batch of 3282 training rows, 9 runs.</summary>
    private static ExecutionPlan.Inputs SeedStudy(int cores, bool dropout = false, long memory = 8 * GiB) =>
        new(cores, memory, Parameters: 193, InputElements: 2, SpatialPositions: 1, BatchRows: 3282, Runs: 9, DrawsRandomNumbers: dropout);

    /// <summary>The cnn's default on 28 × 28 grey images (60,401 parameters), batch 32, 9 runs.</summary>
    private static ExecutionPlan.Inputs Cnn(int cores, long memory = 8 * GiB) =>
        new(cores, memory, Parameters: 60_401, InputElements: 784, SpatialPositions: 784, BatchRows: 32, Runs: 9, DrawsRandomNumbers: false);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(16, 9)]
    public void A_small_model_gets_one_thread_per_run_and_a_run_per_core_up_to_the_runs(int cores, int parallel)
    {
        var plan = ExecutionPlan.Choose(0, 0, SeedStudy(cores));
        Assert.Equal((parallel, 1, "auto"), (plan.Parallel, plan.Threads, plan.ChosenBy));
        Assert.StartsWith("small model (193 parameters, ~633.4 k multiply-adds per training step)", plan.Reason);
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(4, 1, 4)]
    [InlineData(16, 4, 4)]
    [InlineData(64, 9, 7)]
    public void A_large_model_gets_up_to_four_threads_per_run_and_the_rest_of_the_cores_as_runs(int cores, int parallel, int threads)
    {
        var inputs = Cnn(cores);
        Assert.True(ExecutionPlan.StepWork(inputs) >= ExecutionPlan.LargeStepWork, "60,401 × 784 × 32 ≈ 1.5 G multiply-adds");
        var plan = ExecutionPlan.Choose(0, 0, inputs);
        Assert.Equal((parallel, threads), (plan.Parallel, plan.Threads));
        Assert.StartsWith("large model", plan.Reason);
    }

    [Theory]
    [InlineData(0, 0, 16, 0)]   // --parallel auto: every core, though 9 runs trained on 16
    [InlineData(1, 0, 16, 1)]   // --parallel 1, small model: the one core it trained on
    [InlineData(4, 0, 16, 4)]
    [InlineData(8, 0, 2, 2)]    // more runs at once than cores: no more threads than cores
    [InlineData(1, 4, 16, 4)]   // --parallel 1 with training.threads 4
    public void The_bootstrap_keeps_to_the_cores_a_user_given_parallel_trains_on(int parallel, int threads, int cores, int expected)
    {
        var plan = ExecutionPlan.Choose(parallel, threads, SeedStudy(cores));
        Assert.Equal(expected, plan.BootstrapThreads(parallel, cores));
    }

    [Fact]
    public void A_large_model_on_the_gpu_trains_one_run_at_a_time()
    {
        var plan = ExecutionPlan.Choose(0, 0, Cnn(16) with { OnGpu = true });
        Assert.Equal((1, 16), Pair(plan));
        Assert.Contains("on the GPU", plan.Reason);
    }

    [Fact]
    public void Memory_caps_the_runs_at_once()
    {
        // Per run: 16 B × 60,401 parameters + 4 B × 3 × 32 rows × max(784, 784 × 64) ≈ 20.2 MB; half of 64 MiB holds one.
        var plan = ExecutionPlan.Choose(0, 0, Cnn(64, memory: 64L << 20));
        Assert.Equal(1, plan.Parallel);
        Assert.Equal(64, plan.Threads);
        Assert.Contains("memory allows 1", plan.Reason);
    }

    [Fact]
    public void Dropout_trains_one_run_at_a_time_whatever_was_asked()
    {
        Assert.Equal((1, 1), Pair(ExecutionPlan.Choose(0, 0, SeedStudy(16, dropout: true))));
        Assert.Equal((1, 1), Pair(ExecutionPlan.Choose(4, 0, SeedStudy(16, dropout: true))));
        Assert.Equal((1, 3), Pair(ExecutionPlan.Choose(4, 3, SeedStudy(16, dropout: true))));
        var large = Cnn(16) with { DrawsRandomNumbers = true };
        Assert.Equal((1, 16), Pair(ExecutionPlan.Choose(0, 0, large)));
        Assert.Contains("draw from torch's global generator", ExecutionPlan.Choose(0, 0, large).Reason);
    }

    [Fact]
    public void What_the_user_sets_is_kept_and_the_rest_chosen_around_it()
    {
        var both = ExecutionPlan.Choose(3, 2, SeedStudy(16));
        Assert.Equal((3, 2, "user"), (both.Parallel, both.Threads, both.ChosenBy));
        var parallelOnly = ExecutionPlan.Choose(1, 0, SeedStudy(2));
        Assert.Equal((1, 1, "user+auto"), (parallelOnly.Parallel, parallelOnly.Threads, parallelOnly.ChosenBy));
        Assert.Equal((2, 8), Pair(ExecutionPlan.Choose(2, 0, Cnn(16))));
        var threadsOnly = ExecutionPlan.Choose(0, 4, SeedStudy(16));
        Assert.Equal((4, 4, "user+auto"), (threadsOnly.Parallel, threadsOnly.Threads, threadsOnly.ChosenBy));
    }

    private static (int, int) Pair(ExecutionPlan p) => (p.Parallel, p.Threads);
}
