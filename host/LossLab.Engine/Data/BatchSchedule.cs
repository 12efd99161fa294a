using System.Security.Cryptography;

namespace LossLab.Engine.Data;

/// <summary>
/// The order in which training rows are visited: per epoch, batches of positions into the training split.
/// Full batch (size 0) keeps the split order; otherwise each epoch is a seeded shuffle. Every loss trained with
/// the same seed gets the same schedule.
/// </summary>
public sealed class BatchSchedule
{
    private readonly int[][] _epochOrders;

    public int BatchSize { get; }
    public int Epochs => _epochOrders.Length;

    private BatchSchedule(int[][] epochOrders, int batchSize) { _epochOrders = epochOrders; BatchSize = batchSize; }

    public static BatchSchedule Create(int trainCount, int epochs, int batchSize, int seed)
    {
        var random = SplitMix64.For(seed, "batches");
        var orders = new int[epochs][];
        for (var e = 0; e < epochs; e++)
        {
            orders[e] = Enumerable.Range(0, trainCount).ToArray();
            if (batchSize > 0) random.Shuffle(orders[e]);
        }
        return new BatchSchedule(orders, batchSize <= 0 || batchSize >= trainCount ? trainCount : batchSize);
    }

    /// <summary>Positions into the training split for each batch of epoch <paramref name="epoch"/> (0-based).</summary>
    public IEnumerable<ArraySegment<int>> Batches(int epoch)
    {
        var order = _epochOrders[epoch];
        for (var start = 0; start < order.Length; start += BatchSize)
            yield return new ArraySegment<int>(order, start, Math.Min(BatchSize, order.Length - start));
    }

    public bool IsFullBatch(int trainCount) => BatchSize == trainCount;

    /// <summary>SHA-256 over the split indices and every epoch's order: equal hashes mean the same data seen in the same order.</summary>
    public string Hash(DataSplit split)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(int[] values)
        {
            sha.AppendData(BitConverter.GetBytes(values.Length));
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        }
        Add(split.Train); Add(split.Validation); Add(split.Test);
        sha.AppendData(BitConverter.GetBytes(BatchSize));
        foreach (var order in _epochOrders) Add(order);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
