using System.Globalization;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Running;

/// <summary>
/// How many runs train at once and how many torch intra-op threads each gets, chosen from the machine and the model
/// unless the user set them (<c>--parallel N</c>, <c>training.threads</c>). The runs at once never change a number:
/// every run reseeds, owns its module and optimizer and only reads its seed's shared tensors. The thread count
/// changes none of an MLP's numbers; a convolutional model's weight gradients are summed per thread, so its
/// score-valued numbers move in the last float32 bits between thread counts, its hashes and init never
/// (ExecutionChoiceTests, tests/LossLab.Benchmarks <c>-- thread-reductions</c>). The choice is recorded in results.json.
/// </summary>
/// <remarks>
/// Why one thread per run for small models: libtorch splits an operation across threads only above its grain size
/// (32,768 elements) and each parallel region costs a wake-up of the pool, so a small network's epoch is a few
/// hundred tiny operations that a second thread slows down (seed-study MLP, 2 shared cores: 0.63 ms an epoch with one
/// thread, 0.98 ms with two; tests/LossLab.Benchmarks/README.md, "A fast default on one machine"). Independent runs on separate
/// cores scale with no such cost. A large model's operations do split well, and each concurrent run holds its own
/// activations, so it gets fewer runs with more threads each.
/// </remarks>
public sealed record ExecutionPlan(int Parallel, int Threads, string ChosenBy, string Reason)
{
    /// <summary>
    /// Multiply-adds of one training step's forward pass above which a model counts as large: about 50 M, where one
    /// layer's work is far above libtorch's grain size and intra-op threads pay for their wake-ups.
    /// </summary>
    public const double LargeStepWork = 5e7;

    /// <summary>Intra-op threads given to one run of a large model before more runs are started instead.</summary>
    public const int ThreadsPerLargeRun = 4;

    /// <summary>Share of the machine's available memory the concurrent runs' estimated working sets may take.</summary>
    public const double MemoryShare = 0.5;

    /// <summary>What the plan is chosen from.</summary>
    /// <param name="Cores">Logical cores (<see cref="Environment.ProcessorCount"/>).</param>
    /// <param name="AvailableMemory">Bytes the process may use (GC's view: physical memory or the container limit).</param>
    /// <param name="Parameters">The model's parameter count, from the seed's throwaway build.</param>
    /// <param name="InputElements">Elements of one input row (product of the input shape).</param>
    /// <param name="SpatialPositions">Positions a convolution slides over: height × width of an image input, 1 for a table.</param>
    /// <param name="BatchRows">Rows of one training step (the batch size, or the training split when full batch).</param>
    /// <param name="Runs">Runs in the experiment (losses × seeds).</param>
    /// <param name="DrawsRandomNumbers">The model has a layer drawing from torch's global generator (dropout): one run at a time.</param>
    /// <param name="OnGpu">Training on a CUDA device, whose memory the plan does not estimate: a large model then trains one run at a time.</param>
    public sealed record Inputs(int Cores, long AvailableMemory, long Parameters, long InputElements, long SpatialPositions, long BatchRows, int Runs, bool DrawsRandomNumbers, bool OnGpu = false);

    /// <param name="parallel">--parallel: 0 for auto.</param>
    /// <param name="threads">training.threads: 0 for auto.</param>
    public static ExecutionPlan Choose(int parallel, int threads, Inputs m)
    {
        var cores = Math.Max(1, m.Cores);
        var work = StepWork(m);
        var large = work >= LargeStepWork;
        var size = $"{(large ? "large" : "small")} model ({m.Parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters, ~{Amount(work)} multiply-adds per training step)";
        var memoryCap = MemoryCap(m);
        var chosenBy = parallel > 0 && threads > 0 ? "user" : parallel == 0 && threads == 0 ? "auto" : "user+auto";

        if (m.DrawsRandomNumbers)
        {
            // One run at a time (the generator is global); all cores only help an operation big enough to split.
            var t = threads > 0 ? threads : large ? cores : 1;
            var why = threads > 0 ? "training.threads as set" : large ? "all cores for its one run" : "1 thread: intra-op threads slow a small model's epoch";
            return new ExecutionPlan(1, t, chosenBy, $"{size}; its layers draw from torch's global generator, so runs train one at a time; {why}");
        }
        if (parallel > 0)
        {
            var t = threads > 0 ? threads : large ? Math.Max(1, cores / Math.Min(parallel, m.Runs)) : 1;
            var why = threads > 0 ? "training.threads as set" : large ? "the cores shared between the runs" : "1 thread per run: intra-op threads slow a small model's epoch";
            return new ExecutionPlan(parallel, t, chosenBy, $"{size}; --parallel {parallel} as set; {why}");
        }
        if (threads > 0)
        {
            var p = Math.Clamp(cores / threads, 1, Math.Min(Math.Max(1, m.Runs), memoryCap));
            return new ExecutionPlan(p, threads, chosenBy, $"{size}; training.threads {threads} as set; {p} run(s) at once fill the {cores} cores{MemoryNote(p, memoryCap, cores / threads)}");
        }
        if (!large)
        {
            var p = Math.Clamp(cores, 1, Math.Min(Math.Max(1, m.Runs), memoryCap));
            return new ExecutionPlan(p, 1, chosenBy, $"{size}: 1 thread per run, {p} run(s) at once on {cores} cores{MemoryNote(p, memoryCap, cores)}");
        }
        if (m.OnGpu)
            return new ExecutionPlan(1, cores, chosenBy, $"{size} on the GPU: 1 run at a time (its memory is not estimated), {cores} threads for the host's share");
        var perRun = Math.Min(cores, ThreadsPerLargeRun);
        var runs = Math.Clamp(cores / perRun, 1, Math.Min(Math.Max(1, m.Runs), memoryCap));
        return new ExecutionPlan(runs, Math.Max(1, cores / runs), chosenBy,
            $"{size}: {runs} run(s) at once with {Math.Max(1, cores / runs)} threads each on {cores} cores{MemoryNote(runs, memoryCap, cores / perRun)}");
    }

    /// <summary>
    /// Threads for the closing analysis's paired bootstrap, which runs after the last training, when the training's
    /// cores are idle; 0 means every core (<see cref="LossLab.Evaluation.PairedBootstrap.Run"/>). With
    /// <c>--parallel N</c> the user chose how much of the machine the experiment takes (a shared machine, other work
    /// beside it), so the bootstrap keeps to the cores the training used, N runs × their threads (<c>--parallel 1</c>
    /// with a small model: one core); with <c>--parallel auto</c>, which takes the whole machine, it uses every core,
    /// also when fewer runs than cores trained. The count changes no number (the bootstrap gives the same bits on any).
    /// </summary>
    /// <param name="parallelOption">--parallel as given: 0 for auto.</param>
    /// <param name="cores">Logical cores (<see cref="Environment.ProcessorCount"/>).</param>
    public int BootstrapThreads(int parallelOption, int cores) =>
        parallelOption > 0 ? Math.Clamp(Parallel * Threads, 1, Math.Max(1, cores)) : 0;

    /// <summary>What results.json records.</summary>
    public ExecutionInfo Describe() => new() { Parallel = Parallel, Threads = Threads, ChosenBy = ChosenBy, Reason = Reason };

    /// <summary>
    /// Multiply-adds of one training step's forward pass, estimated as parameters × spatial positions × batch rows:
    /// exact for a dense network (each weight is used once per row), an upper bound for a convolutional one (each
    /// kernel weight is used once per output position, and pooling shrinks later layers' positions).
    /// </summary>
    public static double StepWork(Inputs m) => (double)m.Parameters * Math.Max(1, m.SpatialPositions) * Math.Max(1, m.BatchRows);

    /// <summary>
    /// Runs whose estimated working sets fit in <see cref="MemoryShare"/> of the available memory. A run holds its
    /// weights, gradients and two Adam moments (16 bytes a parameter) and a step's activations, estimated as one
    /// float per multiply-add divided by the parameter count per row (the layer outputs), times 3 for the backward pass.
    /// </summary>
    private static int MemoryCap(Inputs m)
    {
        if (m.AvailableMemory <= 0) return int.MaxValue;
        var activations = 4.0 * 3 * Math.Max(1, m.BatchRows) * Math.Max(m.InputElements, Math.Max(1, m.SpatialPositions) * 64);
        var perRun = 16.0 * m.Parameters + activations;
        return (int)Math.Clamp(MemoryShare * m.AvailableMemory / perRun, 1, int.MaxValue);
    }

    private static string Amount(double n) => n switch
    {
        >= 1e9 => (n / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " G",
        >= 1e6 => (n / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " M",
        _ => (n / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " k",
    };

    private static string MemoryNote(int chosen, int memoryCap, int wanted) =>
        chosen == memoryCap && memoryCap < wanted ? $" (memory allows {memoryCap})" : "";
}
