namespace LossLab.Abstractions;

/// <summary>A source of labelled examples. The host does imbalance, splits and standardisation afterwards.</summary>
public abstract class DatasetPlugin : IPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public virtual IEnumerable<string> Validate() => [];

    public abstract Dataset Load(DatasetContext context);
}

/// <summary>What the host hands a dataset plugin: the experiment seed, a warning sink and cancellation.</summary>
public sealed record DatasetContext(int Seed, Action<string> Warn, CancellationToken Cancellation)
{
    /// <summary>Folder relative paths are resolved against (the experiment file's folder).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);
}
