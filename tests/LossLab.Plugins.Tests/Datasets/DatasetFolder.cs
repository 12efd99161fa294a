using LossLab.Abstractions;

namespace LossLab.Plugins.Tests.Datasets;

/// <summary>A temp folder that is also a dataset context's base folder, collecting the warnings a plugin reports.</summary>
internal sealed class DatasetFolder : TempFolder
{
    public List<string> Warnings { get; } = [];

    public DatasetContext Context(int seed = 1) => new(seed, Warnings.Add, CancellationToken.None) { BaseDirectory = Path };
}
