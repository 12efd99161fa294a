namespace LossLab.TestSupport;

/// <summary>
/// A fresh folder under the system temp folder, deleted on dispose. One source file, compiled into every test
/// project that needs it (a Compile link in each .csproj), so the test projects share it without a shared assembly.
/// </summary>
internal class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("losslab-test-").FullName;

    /// <summary>The path of <paramref name="relative"/> inside the folder; with <paramref name="contents"/>, the file is
    /// written there first, its parent folders created.</summary>
    public string File(string relative, string? contents = null)
    {
        var path = System.IO.Path.Combine(Path, relative);
        if (contents is null) return path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>A subfolder, created.</summary>
    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    /// <summary>Best effort: a file still open elsewhere (Windows) must not fail the test that used the folder.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
