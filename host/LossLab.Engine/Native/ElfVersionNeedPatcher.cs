using System.Buffers.Binary;
using System.Text;

namespace LossLab.Engine.Native;

/// <summary>
/// Marks one required symbol version of an ELF64 shared object as weak, so the dynamic loader accepts a library
/// that lacks it. Only the Vernaux entry's vna_flags changes (OR VER_FLG_WEAK); every other byte stays.
/// Layout: System V gABI, "Symbol Versioning" (Elf64_Shdr, Elf64_Verneed, Elf64_Vernaux).
/// </summary>
public static class ElfVersionNeedPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    public enum Outcome { Patched, AlreadyWeak, NotRequired }

    /// <summary>Patches <paramref name="path"/> in place if it requires <paramref name="version"/> from <paramref name="library"/>.</summary>
    public static Outcome MakeWeak(string path, string library, string version)
    {
        var bytes = File.ReadAllBytes(path);
        var flagsOffset = FindVernauxFlags(bytes, library, version);
        if (flagsOffset < 0) return Outcome.NotRequired;
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(flagsOffset));
        if ((flags & VerFlgWeak) != 0) return Outcome.AlreadyWeak;

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            Span<byte> patched = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(patched, (ushort)(flags | VerFlgWeak));
            stream.Position = flagsOffset;
            stream.Write(patched);
        }
        return Outcome.Patched;
    }

    /// <summary>File offset of vna_flags for (library, version), or -1 if the object does not need that version.</summary>
    public static int FindVernauxFlags(ReadOnlySpan<byte> elf, string library, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only little-endian ELF64 is supported");

        var sectionOffset = checked((int)ReadU64(elf, 0x28));
        int sectionSize = ReadU16(elf, 0x3A), sectionCount = ReadU16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionOffset + i * sectionSize;
            if (ReadU32(elf, header + 4) != ShtGnuVerneed) continue;

            var verneed = checked((int)ReadU64(elf, header + 0x18));
            var entries = ReadU32(elf, header + 0x2C);
            var strtabHeader = sectionOffset + (int)ReadU32(elf, header + 0x28) * sectionSize;
            var strtab = checked((int)ReadU64(elf, strtabHeader + 0x18));

            for (var n = 0; n < entries; n++)
            {
                int count = ReadU16(elf, verneed + 2);
                var file = ReadString(elf, strtab + (int)ReadU32(elf, verneed + 4));
                var aux = verneed + (int)ReadU32(elf, verneed + 8);
                for (var a = 0; a < count; a++)
                {
                    if (file == library && ReadString(elf, strtab + (int)ReadU32(elf, aux + 8)) == version)
                        return aux + 4;
                    aux += (int)ReadU32(elf, aux + 12);
                }
                verneed += (int)ReadU32(elf, verneed + 12);
            }
        }
        return -1;
    }

    private static ushort ReadU16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint ReadU32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong ReadU64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private static string ReadString(ReadOnlySpan<byte> b, int at)
    {
        var end = b[at..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(b.Slice(at, end));
    }
}
