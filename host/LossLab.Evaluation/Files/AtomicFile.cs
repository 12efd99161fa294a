namespace LossLab.Evaluation;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a reader (or a crash) never sees half a file: the
/// path holds either the old file or the complete new one. Every file LossLab writes (results.json,
/// predictions.csv, the reports, review.json) goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="writeTemporary"/> with the path of a fresh temporary file beside <paramref name="path"/>
    /// (unique, so concurrent writers never share one), then renames it over <paramref name="path"/>; the
    /// temporary file is removed if writing fails. Creates the folder if needed.
    /// </summary>
    public static void Replace(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Writes through a stream, flushed to disk before the rename.</summary>
    public static void Write(string path, Action<Stream> write) =>
        Replace(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            writer.Write(text);
        });
}
