using System.Runtime.CompilerServices;
using LossLab.Engine.Native;

namespace LossLab.Plugins.Tests;

internal static class TorchSetup
{
    /// <summary>Patches this test folder's libLibTorchSharp.so before any test can touch TorchSharp.</summary>
    [ModuleInitializer]
    internal static void Prepare() => TorchRuntime.Prepare();
}
