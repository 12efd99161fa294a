using TorchSharp;

namespace LossLab.Engine.Native;

/// <summary>
/// Loads libtorch on a pool thread while the caller does work that needs no torch (plugin discovery, resolving the
/// experiment, checking the output folder). Loading and initialising libtorch costs about 0.25 s of CPU (its
/// operator registry), which otherwise sits on the critical path of <c>losslab run</c> before the data are built
/// (tests/LossLab.Benchmarks/README.md, "Where the fixed cost goes"). It changes no number: it only loads the library
/// the first torch call would load.
/// </summary>
public static class TorchPreload
{
    /// <summary>Starts the load; call after <see cref="TorchRuntime.Prepare"/>. Wait on the task before the first torch call.</summary>
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not reported here: the first torch call of the run loads the library again and reports the failure
            // where it happens, as it would without the preload.
        }
    });
}
