using LossLab.Abstractions;

namespace LossLab.Plugins.Tests.Datasets;

/// <summary>A fresh folder under the system temp folder, deleted with the test; also the context's base folder.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("losslab-plugins-").FullName;

    public List<string> Warnings { get; } = [];

    public DatasetContext Context(int seed = 1) => new(seed, Warnings.Add, CancellationToken.None) { BaseDirectory = Path };

    public string Write(string relative, string text)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
