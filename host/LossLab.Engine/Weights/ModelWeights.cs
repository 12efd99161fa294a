using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using static TorchSharp.torch;

namespace LossLab.Engine.Weights;

/// <summary>
/// Loads a weights file into a built module, like PyTorch's <c>load_state_dict(strict=True)</c> except for the head:
/// every key outside <c>headPrefix</c> must be in both the file and the module with the same shape; the head's keys
/// (e.g. <c>fc.</c>) are loaded only if all of them fit, else all are left as built (new) and the file's are
/// reported as skipped. Only values are copied (converted to the module's dtype and device) — requires_grad and
/// train/eval flags stay as the plugin set them.
/// </summary>
public static class ModelWeights
{
    /// <param name="module">The built module; its parameters and buffers are overwritten in place.</param>
    /// <param name="path">A file <see cref="WeightsFile.Read"/> reads.</param>
    /// <param name="headPrefix">State-dict prefix of the head the model creates fresh; "" when the whole model must come from the file.</param>
    /// <exception cref="InvalidInputException">The file cannot be read, or a key or shape does not fit: the message names the file, the first such key and both shapes.</exception>
    public static LoadedWeights LoadInto(nn.Module module, string path, string headPrefix = "")
    {
        path = Path.GetFullPath(path);
        using var file = WeightsFile.Read(path);
        var state = module.state_dict();
        bool IsHead(string key) => headPrefix.Length > 0 && key.StartsWith(headPrefix, StringComparison.Ordinal);

        var problems = new List<string>();
        foreach (var (key, target) in state)
        {
            if (IsHead(key)) continue;
            if (!file.TryGetValue(key, out var source))
                problems.Add($"the model's key '{key}' of shape {Shape(target.shape)} is missing from the file");
            else if (!source.shape.AsSpan().SequenceEqual(target.shape))
                problems.Add($"key '{key}' has shape {Shape(source.shape)} in the file but {Shape(target.shape)} in the model{ChannelHint(source.shape, target.shape)}");
        }
        foreach (var (key, source) in file.Entries)
            if (!IsHead(key) && !state.ContainsKey(key))
                problems.Add($"the file's key '{key}' of shape {Shape(source.shape)} is not in the model");
        if (problems.Count > 0)
            throw new InvalidInputException($"{path}: the weights do not fit the model: {problems[0]}"
                + (problems.Count > 1 ? $" ({problems.Count - 1} more mismatching keys)." : ".")
                + " Weights for another architecture, or with another number of input channels, cannot be loaded.");

        var headKeys = state.Keys.Where(IsHead).ToList();
        var headFits = headKeys.Count > 0 && headKeys.All(k => file.TryGetValue(k, out var s) && s.shape.AsSpan().SequenceEqual(state[k].shape))
            && file.Entries.Where(e => IsHead(e.Key)).All(e => state.ContainsKey(e.Key));

        List<string> loaded = [], fresh = [];
        using (no_grad())
        {
            foreach (var (key, target) in state)
            {
                if (IsHead(key) && !headFits) { fresh.Add(key); continue; }
                file.TryGetValue(key, out var source);
                target.copy_(source);
                loaded.Add(key);
            }
        }
        var skipped = file.Entries.Where(e => IsHead(e.Key) && !headFits)
            .Select(e => new SkippedWeight(e.Key, e.Value.shape, state.TryGetValue(e.Key, out var t) ? t.shape : [])).ToList();
        return new LoadedWeights
        {
            File = path, Sha256 = FileHash.Of(path), Format = file.Format.Label(), Loaded = loaded, New = fresh, Skipped = skipped,
        };
    }

    /// <summary>One line for the log: how many keys were loaded, which are new and which were skipped.</summary>
    public static string Describe(LoadedWeights w) =>
        $"loaded {w.Loaded.Count} keys from {w.File} ({w.Format}, SHA-256 {w.Sha256[..12]}…)"
        + (w.New.Count > 0 ? $"; new (seeded): {string.Join(", ", w.New)}" : "")
        + (w.Skipped.Count > 0 ? $"; skipped: {string.Join(", ", w.Skipped.Select(s => $"{s.Key} {Shape(s.FileShape)}"))}" : "");

    internal static string Shape(long[] shape) => $"[{string.Join(", ", shape)}]";

    /// <summary>A convolution's weight is [out, in, kh, kw]: when only dimension 1 differs the input channels do.</summary>
    private static string ChannelHint(long[] file, long[] model) =>
        file.Length == 4 && model.Length == 4 && file[1] != model[1] && file[0] == model[0] && file[2] == model[2] && file[3] == model[3]
            ? $" (input channels: {file[1]} in the file, {model[1]} in the model)"
            : "";
}
