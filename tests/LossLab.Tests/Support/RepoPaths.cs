namespace LossLab.Tests.Support;

/// <summary>Paths inside the repository the tests run from (found by walking up to LossLab.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LossLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No LossLab.sln above {AppContext.BaseDirectory}.");
    }
}
