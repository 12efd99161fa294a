using System.Security.Cryptography;
using System.Runtime.InteropServices;
using LossLab.Abstractions;
using LossLab.Engine.Weights;
using LossLab.Evaluation.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>
/// One seed's initial parameters, drawn once (torch.manual_seed(seed) then the model plugin's Build) and copied
/// into every loss's model, so all losses of a seed start from bit-identical weights. <see cref="Hash"/> is the
/// SHA-256 of the state dict (names and float32 values in state-dict order), taken once when drawn. A plugin's
/// pretrained weights (<see cref="ModelPlugin.Pretrained"/>) are loaded right after the seeded build, so a fresh head
/// is still the seed's and the hash covers the loaded values too.
/// </summary>
public sealed class InitialWeights : IDisposable
{
    private static readonly Lock TorchRandom = new();
    private readonly Dictionary<string, Tensor> _state;

    public string Hash { get; }
    public long ParameterCount { get; }
    /// <summary>Parameters with requires_grad: fewer than <see cref="ParameterCount"/> when the plugin froze some.</summary>
    public long TrainableCount { get; }
    /// <summary>What loading the plugin's pretrained weights did; null when it asks for none.</summary>
    public LoadedWeights? Pretrained { get; }

    private InitialWeights(Dictionary<string, Tensor> state, string hash, nn.Module module, LoadedWeights? pretrained)
    {
        _state = state;
        Hash = hash;
        ParameterCount = module.parameters().Sum(p => p.numel());
        TrainableCount = module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        Pretrained = pretrained;
    }

    /// <param name="baseDirectory">Folder a relative weights path is resolved against (the experiment file's).</param>
    /// <exception cref="LossLab.Evaluation.InvalidInputException">The plugin's weights file cannot be read or does not fit (<see cref="ModelWeights"/>).</exception>
    public static InitialWeights Draw(ModelPlugin model, DatasetInfo info, int seed, string? baseDirectory = null)
    {
        nn.Module<Tensor, Tensor> module;
        lock (TorchRandom)
        {
            torch.manual_seed(seed);
            module = model.Build(info);
        }
        using (module)
        {
            var pretrained = model.Pretrained is { } weights
                ? ModelWeights.LoadInto(module, Path.GetFullPath(weights.Path, baseDirectory ?? Environment.CurrentDirectory), weights.HeadPrefix)
                : null;
            var state = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().cpu().DetachFromDisposeScope());
            return new InitialWeights(state, HashOf(module), module, pretrained);
        }
    }

    /// <summary>
    /// A fresh module of the plugin's architecture holding these initial weights, on <paramref name="device"/>.
    /// Every entry of its state dict is overwritten from the drawn state, after checking that the names and shapes
    /// are exactly the drawn ones (copy_ would broadcast a wrong shape silently), so the module holds the weights
    /// that <see cref="Hash"/> describes without hashing them again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The plugin built a different architecture this time.</exception>
    public nn.Module<Tensor, Tensor> Instantiate(ModelPlugin model, DatasetInfo info, Device device)
    {
        nn.Module<Tensor, Tensor> module;
        lock (TorchRandom) module = model.Build(info);
        try
        {
            var state = module.state_dict();
            if (state.Count != _state.Count)
                throw Rebuilt($"{state.Count} state entries instead of {_state.Count}");
            using (no_grad())
            {
                foreach (var (name, tensor) in state)
                {
                    if (!_state.TryGetValue(name, out var initial))
                        throw Rebuilt($"an entry '{name}' that the first build did not have");
                    if (!tensor.shape.AsSpan().SequenceEqual(initial.shape))
                        throw Rebuilt($"'{name}' of shape [{string.Join(", ", tensor.shape)}] instead of [{string.Join(", ", initial.shape)}]");
                    tensor.copy_(initial);
                }
            }
            return module.to(device);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    private static InvalidOperationException Rebuilt(string difference) =>
        new($"the model plugin built a different architecture than for the seed's initial weights ({difference}); Build must depend only on its options and the dataset");

    public static string HashOf(nn.Module module)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in module.state_dict())
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            sha.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs <paramref name="action"/> while holding the lock that serialises use of torch's global generator.</summary>
    public static void WithTorchRandom(Action action)
    {
        lock (TorchRandom) action();
    }

    public void Dispose()
    {
        foreach (var t in _state.Values) t.Dispose();
    }
}
