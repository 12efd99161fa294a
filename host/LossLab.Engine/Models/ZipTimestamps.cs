using System.Buffers.Binary;

namespace LossLab.Engine.Models;

/// <summary>
/// Sets every entry's modification time in a zip file to 1980-01-01 00:00, in place. A PyTorch state_dict is a zip
/// whose entries PyBridge stamps with the time of writing, so two identical trainings wrote different bytes (and
/// model SHA-256s). Only the DOS time and date fields change (local headers at +10, central headers at +12); sizes,
/// offsets, CRCs and data stay, so readers see the same archive. APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16.
/// </summary>
internal static class ZipTimestamps
{
    private const uint LocalHeader = 0x04034b50, CentralHeader = 0x02014b50, EndOfCentralDirectory = 0x06054b50;
    private const ushort Time = 0, Date = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest DOS date

    public static void Clear(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = FindEndOfCentralDirectory(bytes);
        if (end < 0) throw new InvalidDataException($"{path}: not a zip file (no end of central directory)");
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        if (offset == uint.MaxValue) return; // Zip64: left as written
        for (var i = 0; i < entries; i++)
        {
            var at = (int)offset;
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != CentralHeader)
                throw new InvalidDataException($"{path}: central directory entry {i} is not where the directory says");
            Stamp(bytes, at + 12);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
            if (local != uint.MaxValue && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)local)) == LocalHeader)
                Stamp(bytes, (int)local + 10);
            offset = at + 46 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28))
                + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 32));
        }
        File.WriteAllBytes(path, bytes);
    }

    private static void Stamp(byte[] bytes, int at)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), Time);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 2), Date);
    }

    private static int FindEndOfCentralDirectory(byte[] bytes)
    {
        for (var i = bytes.Length - 22; i >= Math.Max(0, bytes.Length - 22 - ushort.MaxValue); i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == EndOfCentralDirectory) return i;
        return -1;
    }
}
