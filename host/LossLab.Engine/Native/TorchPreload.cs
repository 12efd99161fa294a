using LossLab.Engine.Training;

namespace LossLab.Engine.Native;

/// <summary>
/// Loads libtorch on a pool thread while the caller does work that needs no torch (plugin discovery, resolving the
/// experiment, checking the output folder). Loading and initialising libtorch costs about 0.25 s of CPU (its
/// operator registry), which otherwise sits on the critical path of <c>losslab run</c> before the data are built
/// (tests/LossLab.Benchmarks/README.md, "Where the fixed cost goes"). It changes no number: it makes the run's own
/// first torch call, <see cref="TorchDevice.Resolve"/> of the requested device, earlier, so the native libraries
/// (CPU, or CUDA first on a CUDA build) load in the same order as without it.
/// </summary>
public static class TorchPreload
{
    /// <summary>Starts the load; call after <see cref="TorchRuntime.Prepare"/>. Wait on the task before the first torch call.</summary>
    public static Task Start(string device) => Task.Run(() =>
    {
        try
        {
            TorchDevice.Resolve(device);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not reported here: the runner resolves the device again and reports the failure where it happens,
            // as it would without the preload (e.g. --device cuda on a CPU build).
        }
    });
}
