using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Engine.Experiments;

namespace LossLab.Engine.Running;

/// <summary>Calls the dataset plugin and checks what it returned before anything trains on it.</summary>
public static class DatasetLoader
{
    public static Dataset Load(ResolvedExperiment resolved, Action<string> warn, CancellationToken cancellation)
    {
        var plugin = resolved.Dataset;
        var context = new DatasetContext(resolved.Experiment.Dataset.Seed, warn, cancellation) { BaseDirectory = resolved.BaseDirectory };
        Dataset data;
        try
        {
            data = plugin.Instance.Load(context);
        }
        catch (Exception e) when (e is not (PluginInputException or OperationCanceledException or OutOfMemoryException))
        {
            throw new InvalidOperationException($"{plugin.Descriptor.Label} failed to load: {e.GetType().Name}: {e.Message}", e);
        }
        var label = plugin.Descriptor.Label;
        if (data.Pixels is null && data.Features.LongLength != (long)data.Count * data.RowLength)
            throw new InvalidOperationException($"{label} returned {data.Features.LongLength} feature values for {data.Count} rows of shape [{string.Join(", ", data.Info.InputShape)}]");
        // Bad data is reported as bad data: NaN features would otherwise surface later as a "diverged" run.
        var nonFinite = Array.FindIndex(data.Features, v => !float.IsFinite(v));
        if (nonFinite >= 0)
        {
            var row = nonFinite / data.RowLength;
            var column = nonFinite % data.RowLength;
            var feature = column < data.Info.FeatureNames.Count ? $"feature '{data.Info.FeatureNames[column]}'" : $"value {column} of the row";
            var count = data.Features.Count(v => !float.IsFinite(v));
            throw new DataException($"{label} ({data.Info.Source}) returned {data.Features[nonFinite]} at row {row + 1}, {feature} ({count} non-finite value(s) in all): bad data, not a training problem; fix or drop those rows");
        }
        if (data.Pixels is not null) CheckPixels(data, label);
        var bad = Array.FindIndex(data.Labels, y => y is not (0 or 1));
        if (bad >= 0) throw new InvalidOperationException($"{label} returned label {data.Labels[bad]} at row {bad}; labels must be 0 or 1");
        var counts = data.Counts;
        if (counts.Positives == 0 || counts.Negatives == 0)
            throw new DataException($"{label}: the data has only one class ({counts}); a binary classifier needs both");
        return RowNumbers.Ensure(data, label);
    }

    private static void CheckPixels(Dataset data, string label)
    {
        var format = data.Info.Pixels!;
        var shape = data.Info.InputShape;
        if (shape.Length != 3 || format.StoredChannels is not (1 or 3) || shape[0] is not (1 or 3))
            throw new InvalidOperationException($"{label} returned pixels of {format.StoredChannels} stored channels for input shape [{string.Join(", ", shape)}]; images need [1 or 3, height, width] from 1 or 3 stored channels");
        if (data.Pixels!.Length != data.Count)
            throw new InvalidOperationException($"{label} returned {data.Pixels.Length} images for {data.Count} labels");
        var bad = Array.FindIndex(data.Pixels, row => row.Length != data.StoredRowLength);
        if (bad >= 0) throw new InvalidOperationException($"{label} returned {data.Pixels[bad].Length} bytes for image {bad}; expected {data.StoredRowLength}");
    }
}
