using System.Security.Cryptography;
using System.Text;

namespace LossLab.Evaluation;

/// <summary>SHA-256 identities of what a run or review used, lower-case hex.</summary>
public static class FileHash
{
    /// <summary>The SHA-256 of a file's bytes.</summary>
    public static string Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// A file's SHA-256, or for a folder the SHA-256 of its listing: one line "relative/path␉sha256" per file,
    /// ordinal-sorted, '/' separators, so the same files give the same hash on every OS.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a folder.</exception>
    public static string OfPath(string path)
    {
        if (File.Exists(path)) return Of(path);
        if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder.", path);
        var lines = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(path, f).Replace('\\', '/'), File: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => $"{f.Relative}\t{Of(f.File)}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
