namespace LossLab.Engine.Running;

/// <summary>Writes a whole file or nothing: into a temporary sibling, then renamed over the target.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, contents);
        File.Move(temp, path, overwrite: true);
    }
}
