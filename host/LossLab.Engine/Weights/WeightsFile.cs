using System.Buffers.Binary;
using System.Collections;
using LossLab.Evaluation;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LossLab.Engine.Weights;

/// <summary>
/// Reads a weights file into a <see cref="StateDict"/>: a PyTorch <c>state_dict</c> saved with <c>torch.save</c>
/// (.pt/.pth), a <c>.safetensors</c> file, or TorchSharp's own <c>module.save</c> format. The format is recognised
/// from the first bytes (zip signature, safetensors header), so the extension does not matter.
/// </summary>
public static class WeightsFile
{
    /// <exception cref="InvalidInputException">The file is missing or is none of the three formats; the message names it.</exception>
    public static StateDict Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"Weights file not found: {path}");
        var format = Sniff(path);
        try
        {
            return format switch
            {
                WeightsFormat.PyTorch => ReadPyTorch(path),
                WeightsFormat.Safetensors => new StateDict(format, Safetensors.LoadStateDict(path)),
                _ => TorchSharpStateFile.Read(path),
            };
        }
        catch (Exception e) when (e is not InvalidInputException and not OutOfMemoryException)
        {
            throw new InvalidInputException($"{path}: cannot be read as a {Describe(format)} ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>The format of a file, from its first bytes.</summary>
    public static WeightsFormat Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[9];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return WeightsFormat.PyTorch;
        // Legacy torch.save (before PyTorch 1.6, or _use_new_zipfile_serialization=False) starts with pickle's PROTO 2 and
        // LONG1 of 10 bytes, torch's magic number 0x1950a86a20f9469cfc6c. (PROTO alone is not enough: a TorchSharp file
        // of 256 entries starts 0x80 0x02 too, its entry count in LEB128.)
        if (read >= 4 && head[0] == 0x80 && head[1] == 0x02 && head[2] == 0x8a && head[3] == 0x0a)
            throw new InvalidInputException($"{path}: saved in PyTorch's legacy (pre-1.6) format, which LossLab cannot read; re-save it in Python with torch.save(torch.load(\"{Path.GetFileName(path)}\"), \"new.pt\").");
        if (read == 9 && head[8] == '{' && BinaryPrimitives.ReadUInt64LittleEndian(head) is var header && header > 1 && header <= (ulong)stream.Length - 8)
            return WeightsFormat.Safetensors;
        return WeightsFormat.TorchSharp;
    }

    private static string Describe(WeightsFormat format) => format switch
    {
        WeightsFormat.PyTorch => "PyTorch state_dict (torch.save(model.state_dict(), path))",
        WeightsFormat.Safetensors => "safetensors file",
        _ => "TorchSharp state dict (module.save(path)); it is neither a PyTorch zip archive nor safetensors",
    };

    private static StateDict ReadPyTorch(string path)
    {
        var table = PyTorchUnpickler.UnpickleStateDict(path);
        var entries = new List<KeyValuePair<string, Tensor>>();
        try
        {
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is not string key || entry.Value is not Tensor tensor)
                    throw new InvalidInputException($"{path}: entry '{entry.Key}' is a {entry.Value?.GetType().Name ?? "null"}, not a tensor: this is not a bare state_dict. Save the model's weights alone: torch.save(model.state_dict(), path).");
                entries.Add(new(key, tensor));
            }
        }
        catch
        {
            foreach (DictionaryEntry entry in table) (entry.Value as Tensor)?.Dispose();
            throw;
        }
        return new StateDict(WeightsFormat.PyTorch, entries.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
