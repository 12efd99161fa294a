using System.Runtime.CompilerServices;
using LossLab.Engine.Native;

namespace LossLab.Tests.Support;

internal static class TestSetup
{
    /// <summary>Makes TorchSharp loadable in the test host before any test touches it.</summary>
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.Prepare();
}
