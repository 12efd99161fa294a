using TorchSharp;

namespace LossLab.Engine.Training;

/// <summary>--device auto|cpu|cuda. CUDA needs a CUDA backend build (-p:LossLabTorchBackend=cuda-linux) and a GPU.</summary>
public static class TorchDevice
{
    public static readonly string[] Choices = ["auto", "cpu", "cuda"];

    public static torch.Device Resolve(string requested) => requested switch
    {
        "cpu" => torch.CPU,
        "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        "cuda" when torch.cuda.is_available() => torch.CUDA,
        "cuda" => throw new Data.DataException(
            "--device cuda: CUDA is not available in this build or on this machine. This build uses the " +
            "'cpu' TorchSharp backend; on a CUDA machine rebuild with -p:LossLabTorchBackend=cuda-linux (or cuda-windows)."),
        _ => throw new Data.DataException($"--device {requested}: expected one of {string.Join(", ", Choices)}"),
    };
}
