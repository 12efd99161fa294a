using static TorchSharp.torch;

namespace LossLab.Engine.Weights;

/// <summary>
/// Tensors by state-dict key as read from a weights file (on the CPU, in the file's dtypes), in the file's order
/// where the format keeps one (safetensors, TorchSharp) and in ordinal key order where it does not (a PyTorch
/// pickle's dict arrives as a hash table). Owns its tensors: dispose it when done.
/// </summary>
public sealed class StateDict : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> _entries;
    private readonly Dictionary<string, Tensor> _byKey;

    internal StateDict(WeightsFormat format, IEnumerable<KeyValuePair<string, Tensor>> entries)
    {
        Format = format;
        _entries = [.. entries];
        _byKey = _entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    public WeightsFormat Format { get; }

    public IReadOnlyList<KeyValuePair<string, Tensor>> Entries => _entries;

    public int Count => _entries.Count;

    public bool TryGetValue(string key, out Tensor tensor) => _byKey.TryGetValue(key, out tensor!);

    public void Dispose()
    {
        foreach (var (_, tensor) in _entries) tensor.Dispose();
    }
}
