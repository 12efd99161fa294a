using LossLab.Evaluation.Experiments;
using LossLab.Abstractions;
using LossLab.Engine.Experiments;

namespace LossLab.Engine.Data;

/// <summary>
/// Subsamples the minority class so that majority : minority equals the requested ratio (keeping
/// floor(n_majority / ratio) minority rows, chosen by a seeded shuffle; row order is preserved).
/// </summary>
public static class ImbalanceSampler
{
    public static Dataset Apply(Dataset data, ImbalanceSettings settings, int seed, Action<string> warn)
    {
        var minority = settings.MinorityClass;
        var minorityRows = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == minority).ToArray();
        var majorityCount = data.Count - minorityRows.Length;
        var keep = (int)Math.Floor(majorityCount / settings.Ratio);
        if (keep < 1)
            throw new DataException($"imbalance: ratio {settings.Ratio} leaves no example of class {minority} ({majorityCount} majority rows)");
        if (keep >= minorityRows.Length)
        {
            warn($"imbalance: class {minority} already has {minorityRows.Length} rows against {majorityCount} " +
                 $"(ratio {majorityCount / (double)Math.Max(1, minorityRows.Length):0.#}:1, at least {settings.Ratio}:1); data kept as given");
            return data;
        }
        SplitMix64.For(seed, "imbalance").Shuffle(minorityRows);
        var dropped = new HashSet<int>(minorityRows[keep..]);
        var rows = Enumerable.Range(0, data.Count).Where(i => !dropped.Contains(i)).ToArray();
        return Subset(data, rows);
    }

    public static Dataset Subset(Dataset data, int[] rows)
    {
        // Images kept as bytes share their rows with the full data: nothing is copied.
        string[]? ids = data.RowIds is { } all ? [.. rows.Select(r => all[r])] : null;
        if (data.Pixels is { } pixels)
            return data with { Pixels = [.. rows.Select(r => pixels[r])], Labels = [.. rows.Select(r => data.Labels[r])], RowIds = ids };
        var width = data.RowLength;
        var features = new float[rows.Length * width];
        var labels = new int[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            Array.Copy(data.Features, (long)rows[k] * width, features, (long)k * width, width);
            labels[k] = data.Labels[rows[k]];
        }
        return data with { Features = features, Labels = labels, RowIds = ids };
    }
}
