using LossLab.Engine.Native;
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

    [LinuxFact]
    public void The_patch_sets_only_the_weak_flag_of_GLIBCXX_3_4_32_and_is_idempotent()
    {
        // The library the product patches, found where it looks: the build output, here the test's own.
        var shipped = TorchRuntime.NativeCopies(AppContext.BaseDirectory).FirstOrDefault()
            ?? throw new FileNotFoundException($"no {TorchRuntime.NativeLibrary} under {AppContext.BaseDirectory}: TorchRuntime would find none either, so TorchSharp's native package is not in the build output");
        using var temp = new TempFolder();
        var copy = temp.File(TorchRuntime.NativeLibrary);
        var before = File.ReadAllBytes(shipped);
        var offset = ElfVersionNeedPatcher.FindVernauxFlags(before, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion);
        Assert.True(offset > 0);
        // TorchRuntime.Prepare patches that copy where the system's libstdc++ lacks the version; clearing the flag
        // (vna_flags, little-endian, VER_FLG_WEAK = 0x2) again gives the library as TorchSharp ships it.
        before[offset] &= unchecked((byte)~0x2);
        File.WriteAllBytes(copy, before);

        Assert.Equal(ElfVersionNeedPatcher.Outcome.Patched, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
        var after = File.ReadAllBytes(copy);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal([offset], changed);
        Assert.Equal(before[offset] | 0x2, after[offset]);

        Assert.Equal(ElfVersionNeedPatcher.Outcome.AlreadyWeak, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
        Assert.Equal(after, File.ReadAllBytes(copy));
    }

    [LinuxFact]
    public void A_library_that_does_not_need_the_version_is_left_alone()
    {
        using var temp = new TempFolder();
        var copy = temp.File("libc-copy.so");
        File.Copy("/bin/ls", copy);
        Assert.Equal(ElfVersionNeedPatcher.Outcome.NotRequired, ElfVersionNeedPatcher.MakeWeak(copy, TorchRuntime.CxxLibrary, TorchRuntime.MissingVersion));
    }
}
