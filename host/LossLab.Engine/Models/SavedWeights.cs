using TorchSharp;
using TorchSharp.PyBridge;

namespace LossLab.Engine.Models;

/// <summary>
/// The trained weights in a model folder, twice: <see cref="TorchSharpFile"/> in TorchSharp's own format (what
/// <c>losslab predict</c> loads) and <see cref="StateDictFile"/> as a PyTorch <c>state_dict</c> written by
/// TorchSharp.PyBridge, which <c>model.load_state_dict(torch.load(path))</c> reads in Python.
/// </summary>
public static class SavedWeights
{
    public const string TorchSharpFile = "weights.dat";
    public const string StateDictFile = "state_dict.pt";

    public static void Save(torch.nn.Module module, string folder)
    {
        Directory.CreateDirectory(folder);
        module.save(Path.Combine(folder, TorchSharpFile));
        var stateDict = Path.Combine(folder, StateDictFile);
        module.save_py(stateDict);
        ZipTimestamps.Clear(stateDict);
    }
}
