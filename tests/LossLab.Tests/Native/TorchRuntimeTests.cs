using LossLab.Engine.Native;
using LossLab.Tests.Support;
using static TorchSharp.torch;

namespace LossLab.Tests.Native;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void TorchSharp_loads_and_computes_inside_the_test_host()
    {
        TorchRuntime.Prepare();
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0, 3.0 }).requires_grad_(true);
        (x * x).sum().backward();
        Assert.Equal([2.0, 4.0, 6.0], x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void The_patch_sets_only_the_weak_flag_of_GLIBCXX_3_4_32_and_is_idempotent()
    {
        var original = Path.Combine(NuGetCache(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", TorchRuntime.NativeLibrary);
        if (!File.Exists(original)) return; // only where the Linux package is in the cache (every Linux machine that built this)
        using var temp = new TempFolder();
        var copy = temp.File(TorchRuntime.NativeLibrary);
        File.Copy(original, copy);
        var before = File.ReadAllBytes(copy);
        var offset = ElfVersionNeedPatcher.FindVernauxFlags(before, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion);
        Assert.True(offset > 0);

        Assert.Equal(ElfVersionNeedPatcher.Outcome.Patched, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
        var after = File.ReadAllBytes(copy);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal([offset], changed);
        Assert.Equal(before[offset] | 0x2, after[offset]);

        Assert.Equal(ElfVersionNeedPatcher.Outcome.AlreadyWeak, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
        Assert.Equal(after, File.ReadAllBytes(copy));
        Assert.Equal(before, File.ReadAllBytes(original)); // the cache is never touched
    }

    [Fact]
    public void A_library_that_does_not_need_the_version_is_left_alone()
    {
        using var temp = new TempFolder();
        var copy = temp.File("libc-copy.so");
        File.Copy("/bin/ls", copy);
        Assert.Equal(ElfVersionNeedPatcher.Outcome.NotRequired, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
    }

    private static string NuGetCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
