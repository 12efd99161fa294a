using LossLab.Evaluation;
using TorchSharp;

namespace LossLab.Engine.Predicting;

/// <summary>
/// The one place a weights file is read into a built module. Today: TorchSharp's own format (<c>module.save</c>,
/// e.g. a model folder's weights.dat). PyTorch files (.pt, .pth, .safetensors) belong to the pretrained-weights
/// loader in <c>host/LossLab.Engine/Weights/</c>: call it from here for those extensions.
/// </summary>
public static class WeightsFile
{
    /// <exception cref="InvalidInputException">Missing file, a format not read here, or weights that do not fit the
    /// architecture (names or shapes); the message names the file.</exception>
    public static void LoadInto(torch.nn.Module module, string path, string architecture)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: weights file not found.");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pt" or ".pth" or ".safetensors" or ".bin")
            throw new InvalidInputException($"{path}: PyTorch-format weights are read by the pretrained-weights loader, which this build does not have yet; save TorchSharp weights (module.save) instead.");
        try
        {
            module.load(path, strict: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidInputException($"{path}: these weights do not fit the '{architecture}' architecture built for this input ({e.Message}).");
        }
    }
}
