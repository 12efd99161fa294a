namespace LossLab.Evaluation;

/// <summary>
/// The bootstrap distribution behind <see cref="PairedBootstrap"/>: for every resample b, loss j and metric m, the
/// mean over seeds <c>values[j, m, b]</c>, the same bits on any number of threads.
/// </summary>
/// <remarks>
/// The draws stay sequential on one <see cref="Random"/>, in the documented order (resample → seed → positives then
/// negatives), because that sequence is the result's definition; only what follows a draw is spread over threads.
/// Resamples go in blocks, drawn in order (<see cref="StratifiedResampler.DrawRows"/>: a third of the single-threaded
/// time at 1800 rows) into two buffers. The same threads run for the whole call, each taking the next job under one
/// lock: draw the next block when its buffer is free and nobody is drawing, else evaluate the next (resample, seed)
/// item of a drawn block (count its rows, every loss's metrics), else wait. So one thread draws block k+1 while the
/// others evaluate block k, with no stop between blocks (a fork and join per block left the helper thread starting
/// late in every block: on two cores it took a quarter of the items where three quarters balance the work).
/// One thread runs the plain loop instead: draw, evaluate, next resample.
/// An item writes the metrics of its seed for every loss into its own slots; the thread finishing a block's last item
/// sums each resample's values over seeds in seed order, from 0, and divides by the seed count: the arithmetic of the
/// single-threaded loop, so which thread evaluated an item changes nothing.
/// Memory: two blocks of drawn rows, each about <see cref="BlockBytes"/>, or ⌈4·threads / seeds⌉ resamples when fewer
/// fit (every thread gets four items a block).
/// </remarks>
internal static class BootstrapDistribution
{
    /// <summary>Bytes of drawn rows one block aims at: 256 KiB, so the rows drawn are still in cache when counted and
    /// a run allocates about 0.5 MB for them (blocks of 4 MiB made a 3-seed run allocate 8.9 MB, ten times the
    /// single-threaded loop's 0.84 MB, and cost a gen-2 collection each). Blocks are many (about 80 for 1000
    /// resamples at 3 seeds × 1800 rows, one a resample at 30 seeds on few cores).</summary>
    public const int BlockBytes = 1 << 18;

    /// <summary>Metrics per (loss, seed): roc_auc, average_precision, f1, as <see cref="PairedBootstrap.ReportedMetrics"/>.</summary>
    public const int Metrics = 3;

    /// <param name="samples">[seed, loss], sorted once.</param>
    /// <param name="resamplers">One per seed.</param>
    /// <param name="threads">Threads that draw and evaluate, at least 1; 1 runs the plain loop on the calling thread.</param>
    /// <param name="blockBytes">Bytes of drawn rows a block aims at (tests make it small to get many blocks).</param>
    /// <returns><c>values[j, m, b]</c>.</returns>
    public static double[,,] Of(WeightedSample[,] samples, StratifiedResampler[] resamplers, int resamples, Random random, int threads,
        int blockBytes = BlockBytes)
    {
        int seeds = samples.GetLength(0), losses = samples.GetLength(1);
        threads = (int)Math.Min(threads, (long)resamples * seeds); // no thread without an item to evaluate
        if (threads == 1) return OnOneThread(samples, resamplers, resamples, random);
        var offsets = new int[seeds + 1]; // seed i's rows in one resample's draws: [offsets[i], offsets[i + 1])
        for (int i = 0; i < seeds; i++) offsets[i + 1] = offsets[i] + resamplers[i].Length;
        int rows = offsets[seeds];
        int block = Math.Min(resamples, Math.Max(
            Math.Max(1, blockBytes / (sizeof(int) * Math.Max(1, rows))), (4 * threads + seeds - 1) / seeds));
        int blocks = (resamples + block - 1) / block, total = resamples * seeds;
        int Count(int k) => Math.Min(block, resamples - k * block);

        var workers = new Worker[threads];
        for (int w = 0; w < threads; w++) workers[w] = new Worker(samples, w == 0, resamplers.Max(r => r.Length));
        // Two buffers: block k's rows and per-seed metrics in buffer k % 2; block k + 2 is drawn there once k is finished.
        var drawn = new int[2][];
        var perSeed = new double[2][]; // [resample in block, seed, loss, metric]
        for (int d = 0; d < Math.Min(blocks, 2); d++) (drawn[d], perSeed[d]) = (new int[block * rows], new double[block * seeds * losses * Metrics]);
        var values = new double[losses, Metrics, resamples];

        // Shared state, read and written under `gate` only. Items are numbered g = b·seeds + i over all resamples and
        // taken in that order; block k = g / (block·seeds).
        var gate = new object();
        int drawnBlocks = 0, taken = 0;
        bool drawing = false, failed = false;
        int[] done = [0, 0], finished = [-1, -1]; // per buffer: items of its block evaluated; last block finished there
        bool Drawable() => !drawing && drawnBlocks < blocks && (drawnBlocks < 2 || finished[drawnBlocks % 2] == drawnBlocks - 2);

        void Work(int w)
        {
            try { Loop(workers[w]); }
            catch
            {
                // A claimed item that never finishes would keep the others waiting for its block: release them.
                lock (gate) { failed = true; Monitor.PulseAll(gate); }
                throw;
            }
        }

        void Loop(Worker worker)
        {
            var means = new double[losses * Metrics];
            while (true)
            {
                int draw = -1, item = -1;
                lock (gate)
                {
                    while (true)
                    {
                        // Drawing first keeps the evaluating threads fed; the Random is only touched by the one drawing.
                        if (Drawable()) { drawing = true; draw = drawnBlocks; break; }
                        if (taken < total && taken / (block * seeds) < drawnBlocks) { item = taken++; break; }
                        if (taken == total || failed) return;
                        Monitor.Wait(gate); // a block drawn or finished, or the drawing done, wakes it
                    }
                }
                if (draw >= 0)
                {
                    for (int r = 0; r < Count(draw); r++)
                        for (int i = 0; i < seeds; i++)
                            resamplers[i].DrawRows(random, drawn[draw % 2].AsSpan(r * rows + offsets[i], resamplers[i].Length));
                    lock (gate) { drawing = false; drawnBlocks = draw + 1; Monitor.PulseAll(gate); }
                    continue;
                }
                int b = item / seeds, seed = item % seeds, k = b / block, r0 = b - k * block;
                StratifiedResampler.Count(drawn[k % 2].AsSpan(r0 * rows + offsets[seed], resamplers[seed].Length), worker.Weights);
                EvaluateSeed(worker.Samples, seed, worker.Weights, perSeed[k % 2].AsSpan((r0 * seeds + seed) * losses * Metrics, losses * Metrics));
                bool last;
                lock (gate) last = ++done[k % 2] == Count(k) * seeds;
                if (!last) continue;
                // Every item of block k is evaluated and no block is drawn into its buffer before it is finished.
                for (int r = 0; r < Count(k); r++)
                {
                    MeanOverSeeds(perSeed[k % 2].AsSpan(r * seeds * losses * Metrics, seeds * losses * Metrics), seeds, means);
                    for (int j = 0; j < losses; j++)
                        for (int m = 0; m < Metrics; m++) values[j, m, k * block + r] = means[j * Metrics + m];
                }
                lock (gate) { done[k % 2] = 0; finished[k % 2] = k; Monitor.PulseAll(gate); }
            }
        }

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, TaskScheduler = TaskScheduler.Default }, Work);
        return values;
    }

    /// <summary>The single-threaded loop, as before threads: per resample, draw every seed's multiplicities and
    /// evaluate them; no buffer of drawn rows and no second pass to count them (one thread gains nothing from either;
    /// it allocates what the loop before threads did, 0.84 MB at 3 seeds × 1800 rows).</summary>
    private static double[,,] OnOneThread(WeightedSample[,] samples, StratifiedResampler[] resamplers, int resamples, Random random)
    {
        int losses = samples.GetLength(1);
        var values = new double[losses, Metrics, resamples];
        var weights = resamplers.Select(r => new int[r.Length]).ToArray();
        var perSeed = new double[samples.GetLength(0) * losses * Metrics];
        var means = new double[losses * Metrics];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < resamplers.Length; i++) resamplers[i].Draw(random, weights[i]);
            Evaluate(samples, weights, perSeed, means);
            for (int j = 0; j < losses; j++)
                for (int m = 0; m < Metrics; m++) values[j, m, b] = means[j * Metrics + m];
        }
        return values;
    }

    /// <summary>Per loss and metric, the mean over seeds of the metrics under the given multiplicities
    /// (<c>weights[i]</c> for seed i), on the calling thread.</summary>
    public static double[,] Evaluate(WeightedSample[,] samples, int[][] weights)
    {
        int losses = samples.GetLength(1);
        var means = new double[losses * Metrics];
        Evaluate(samples, weights, new double[samples.GetLength(0) * losses * Metrics], means);
        var result = new double[losses, Metrics];
        for (int j = 0; j < losses; j++)
            for (int m = 0; m < Metrics; m++) result[j, m] = means[j * Metrics + m];
        return result;
    }

    /// <summary><c>means[j·Metrics + m]</c>: the mean over seeds under <paramref name="weights"/>, through
    /// <paramref name="perSeed"/> (seeds × losses × Metrics).</summary>
    private static void Evaluate(WeightedSample[,] samples, int[][] weights, double[] perSeed, double[] means)
    {
        int losses = samples.GetLength(1);
        for (int i = 0; i < samples.GetLength(0); i++) EvaluateSeed(samples, i, weights[i], perSeed.AsSpan(i * losses * Metrics, losses * Metrics));
        MeanOverSeeds(perSeed, samples.GetLength(0), means);
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
