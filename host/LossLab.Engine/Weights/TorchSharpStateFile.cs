using LossLab.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Weights;

/// <summary>
/// TorchSharp's <c>module.save</c> format read without a module (TorchSharp itself only loads it into one):
/// LEB128 entry count; per entry a BinaryWriter string key, then the tensor as LEB128 dtype code, rank and
/// dimensions, then numel × element-size raw bytes (TorchSharp's TensorExtensionMethods.Save). Every length is
/// checked against what is left of the file, so a file of another kind fails with a message instead of a huge allocation.
/// </summary>
internal static class TorchSharpStateFile
{
    public static StateDict Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var count = Leb128(reader);
        if (count < 0 || count > stream.Length) throw Bad(path, $"an entry count of {count}");
        var entries = new List<KeyValuePair<string, Tensor>>();
        try
        {
            for (long i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                entries.Add(new(key, ReadTensor(reader, path, key)));
            }
            if (stream.Position != stream.Length) throw Bad(path, $"{stream.Length - stream.Position} bytes after the last of its {count} entries");
        }
        catch
        {
            foreach (var (_, t) in entries) t.Dispose();
            throw;
        }
        return new StateDict(WeightsFormat.TorchSharp, entries);
    }

    private static Tensor ReadTensor(BinaryReader reader, string path, string key)
    {
        var code = Leb128(reader);
        if (!Enum.IsDefined(typeof(ScalarType), (sbyte)code) || code is < 0 or > 127) throw Bad(path, $"an unknown dtype code {code} for '{key}'");
        var dtype = (ScalarType)(sbyte)code;
        var rank = Leb128(reader);
        if (rank is < 0 or > 16) throw Bad(path, $"a rank of {rank} for '{key}'");
        var shape = new long[rank];
        long numel = 1;
        for (var d = 0; d < rank; d++)
        {
            shape[d] = Leb128(reader);
            if (shape[d] < 0 || shape[d] > reader.BaseStream.Length) throw Bad(path, $"a dimension of {shape[d]} for '{key}'");
            numel *= shape[d];
        }
        var bytes = numel * ElementSize(dtype);
        if (numel > reader.BaseStream.Length || bytes > reader.BaseStream.Length - reader.BaseStream.Position)
            throw Bad(path, $"'{key}' of shape [{string.Join(", ", shape)}] larger than what is left of the file");
        var tensor = empty(shape, dtype);
        tensor.bytes = reader.ReadBytes((int)bytes);
        return tensor;
    }

    /// <summary>Unsigned LEB128, as TorchSharp's internal LEB128Codec writes it: 7 bits a byte, low bits first, high bit set on all but the last.</summary>
    private static long Leb128(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            long b = reader.ReadByte();
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("a LEB128 number longer than 9 bytes");
    }

    private static long ElementSize(ScalarType dtype)
    {
        using var probe = empty(0, dtype);
        return probe.ElementSize;
    }

    private static InvalidInputException Bad(string path, string what) =>
        new($"{path}: not a TorchSharp state dict (module.save), nor a PyTorch zip archive or safetensors file: it has {what}.");
}
