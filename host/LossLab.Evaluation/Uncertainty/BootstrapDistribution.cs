namespace LossLab.Evaluation;

/// <summary>
/// The bootstrap distribution behind <see cref="PairedBootstrap"/>: for every resample b, loss j and metric m, the
/// mean over seeds <c>values[j, m, b]</c>, the same bits on any number of threads.
/// </summary>
/// <remarks>
/// The draws stay sequential on one <see cref="Random"/>, in the documented order (resample → seed → positives then
/// negatives), because that sequence is the result's definition; only what follows a draw is spread over threads.
/// Resamples go in blocks: one thread draws the rows of block k+1 (<see cref="StratifiedResampler.DrawRows"/>,
/// a third of the single-threaded time at 1800 rows) while the others count and evaluate those of block k, one
/// (resample, seed) item at a time taken from a shared counter, and the drawing thread joins them when done.
/// An item writes the metrics of its seed for every loss into its own slots; after the block, each resample's
/// values are summed over seeds in seed order, from 0, and divided by the seed count: the arithmetic of the
/// single-threaded loop, so which thread evaluated an item changes nothing.
/// Memory: two blocks of drawn rows, each about <see cref="BlockBytes"/>, or ⌈4·threads / seeds⌉ resamples when fewer
/// fit (every thread gets four items a block).
/// </remarks>
internal static class BootstrapDistribution
{
    /// <summary>Bytes of drawn rows one block aims at: 256 KiB, so the rows drawn are still in cache when counted and
    /// a run allocates about 0.5 MB for them (blocks of 4 MiB made a 3-seed run allocate 8.9 MB, ten times the
    /// single-threaded loop's 0.84 MB, and cost a gen-2 collection each). Blocks are many (about 80 for 1000
    /// resamples at 3 seeds × 1800 rows, one a resample at 30 seeds on few cores); each costs one Parallel.For.</summary>
    public const int BlockBytes = 1 << 18;

    /// <summary>Metrics per (loss, seed): roc_auc, average_precision, f1, as <see cref="PairedBootstrap.ReportedMetrics"/>.</summary>
    public const int Metrics = 3;

    /// <param name="samples">[seed, loss], sorted once.</param>
    /// <param name="resamplers">One per seed.</param>
    /// <param name="threads">Threads that draw and evaluate, at least 1; 1 runs everything on the calling thread.</param>
    /// <param name="blockBytes">Bytes of drawn rows a block aims at (tests make it small to get many blocks).</param>
    /// <returns><c>values[j, m, b]</c>.</returns>
    public static double[,,] Of(WeightedSample[,] samples, StratifiedResampler[] resamplers, int resamples, Random random, int threads,
        int blockBytes = BlockBytes)
    {
        int seeds = samples.GetLength(0), losses = samples.GetLength(1);
        threads = (int)Math.Min(threads, (long)resamples * seeds); // no thread without an item to evaluate
        var offsets = new int[seeds + 1]; // seed i's rows in one resample's draws: [offsets[i], offsets[i + 1])
        for (int i = 0; i < seeds; i++) offsets[i + 1] = offsets[i] + resamplers[i].Length;
        int rows = offsets[seeds];
        int block = Math.Min(resamples, Math.Max(
            Math.Max(1, blockBytes / (sizeof(int) * Math.Max(1, rows))), (4 * threads + seeds - 1) / seeds));
        int blocks = (resamples + block - 1) / block;
        int Count(int k) => Math.Min(block, resamples - k * block);

        var workers = new Worker[threads];
        for (int w = 0; w < threads; w++) workers[w] = new Worker(samples, w == 0, resamplers.Max(r => r.Length));
        var drawn = new int[Math.Min(blocks, 2)][];
        for (int d = 0; d < drawn.Length; d++) drawn[d] = new int[block * rows];
        var perSeed = new double[block * seeds * losses * Metrics]; // [resample in block, seed, loss, metric]
        var values = new double[losses, Metrics, resamples];
        var means = new double[losses * Metrics];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };

        void Draw(int k, int[] into)
        {
            for (int r = 0; r < Count(k); r++)
                for (int i = 0; i < seeds; i++) resamplers[i].DrawRows(random, into.AsSpan(r * rows + offsets[i], resamplers[i].Length));
        }

        Draw(0, drawn[0]);
        for (int k = 0; k < blocks; k++)
        {
            int[] current = drawn[k % 2];
            int items = Count(k) * seeds, taken = 0;
            void Work(int w)
            {
                // Worker 0 alone touches the Random; the next block goes to the other buffer, which nobody reads now.
                if (w == 0 && k + 1 < blocks) Draw(k + 1, drawn[(k + 1) % 2]);
                var worker = workers[w];
                for (int item; (item = Interlocked.Increment(ref taken) - 1) < items;)
                {
                    int r = item / seeds, i = item % seeds;
                    StratifiedResampler.Count(current.AsSpan(r * rows + offsets[i], resamplers[i].Length), worker.Weights);
                    EvaluateSeed(worker.Samples, i, worker.Weights, perSeed.AsSpan(item * losses * Metrics, losses * Metrics));
                }
            }
            if (threads == 1) Work(0);
            else Parallel.For(0, threads, options, Work);

            for (int r = 0; r < Count(k); r++)
            {
                MeanOverSeeds(perSeed.AsSpan(r * seeds * losses * Metrics, seeds * losses * Metrics), seeds, means);
                for (int j = 0; j < losses; j++)
                    for (int m = 0; m < Metrics; m++) values[j, m, k * block + r] = means[j * Metrics + m];
            }
        }
        return values;
    }

    /// <summary>Per loss and metric, the mean over seeds of the metrics under the given multiplicities
    /// (<c>weights[i]</c> for seed i), on the calling thread.</summary>
    public static double[,] Evaluate(WeightedSample[,] samples, int[][] weights)
    {
        int seeds = samples.GetLength(0), losses = samples.GetLength(1);
        var perSeed = new double[seeds * losses * Metrics];
        for (int i = 0; i < seeds; i++) EvaluateSeed(samples, i, weights[i], perSeed.AsSpan(i * losses * Metrics, losses * Metrics));
        var means = new double[losses * Metrics];
        MeanOverSeeds(perSeed, seeds, means);
        var result = new double[losses, Metrics];
        for (int j = 0; j < losses; j++)
            for (int m = 0; m < Metrics; m++) result[j, m] = means[j * Metrics + m];
        return result;
    }

    /// <summary>Seed i's metrics for every loss: <c>into[j·Metrics + m]</c>.</summary>
    private static void EvaluateSeed(WeightedSample[,] samples, int i, int[] weights, Span<double> into)
    {
        Span<double> f1 = stackalloc double[1];
        for (int j = 0; j < samples.GetLength(1); j++)
        {
            var r = samples[i, j].Evaluate(weights, f1);
            into[j * Metrics] = r.RocAuc;
            into[j * Metrics + 1] = r.AveragePrecision;
            into[j * Metrics + 2] = f1[0];
        }
    }

    /// <summary><c>means[j·Metrics + m]</c> = (Σ_i perSeed[i, j, m]) / seeds, summed from 0 in seed order: the same
    /// bits whichever thread filled perSeed.</summary>
    private static void MeanOverSeeds(ReadOnlySpan<double> perSeed, int seeds, Span<double> means)
    {
        for (int c = 0; c < means.Length; c++)
        {
            double sum = 0;
            for (int i = 0; i < seeds; i++) sum += perSeed[i * means.Length + c];
            means[c] = sum / seeds;
        }
    }

    /// <summary>One thread's buffers: multiplicities and samples it alone evaluates (worker 0 uses the originals).</summary>
    private sealed class Worker(WeightedSample[,] samples, bool original, int longestSeed)
    {
        public int[] Weights { get; } = new int[longestSeed];

        public WeightedSample[,] Samples { get; } = original ? samples : Twin(samples);

        private static WeightedSample[,] Twin(WeightedSample[,] samples)
        {
            var twin = new WeightedSample[samples.GetLength(0), samples.GetLength(1)];
            for (int i = 0; i < samples.GetLength(0); i++)
                for (int j = 0; j < samples.GetLength(1); j++) twin[i, j] = samples[i, j].WithOwnBuffers();
            return twin;
        }
    }
}
