using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LossLab.Tests.Support;

namespace LossLab.Tests.Build;

/// <summary>
/// The CLI's build output (what <c>dotnet losslab.dll</c> and <c>dotnet run --project host/LossLab.Cli</c> start) is
/// precompiled: its assemblies carry a ReadyToRun header, and keep their IL for a runtime that cannot use the native
/// code. build/ReadyToRun.targets makes it; tests/LossLab.Benchmarks/README.md ("Start-up") measures what it saves.
/// </summary>
public sealed class ReadyToRunImageTests
{
    // READYTORUN_SIGNATURE: 'RTR' (dotnet/runtime, src/coreclr/inc/readytorun.h), the first field of the header the
    // CLI header's ManagedNativeHeader directory points to in a ReadyToRun image.
    private const uint ReadyToRunSignature = 0x00525452;

    private static readonly string CliOutput = RepoPaths.Of("host", "LossLab.Cli", "bin", ReadyToRunFactAttribute.Configuration,
        new DirectoryInfo(AppContext.BaseDirectory).Name);

    [ReadyToRunFact]
    public void The_cli_its_engine_and_their_packages_are_ReadyToRun_images_that_keep_their_IL()
    {
        string[] assemblies = ["losslab.dll", "LossLab.Engine.dll", "LossLab.Evaluation.dll", "LossLab.Abstractions.dll",
            "LossLab.Reports.dll", "System.CommandLine.dll", "Spectre.Console.dll", "TorchSharp.dll"];
        foreach (var name in assemblies)
        {
            var image = Inspect(Path.Combine(CliOutput, name));
            Assert.True(image.ReadyToRun, $"{name} in {CliOutput} has no ReadyToRun header");
            Assert.True(image.IlBytes > 0, $"{name} lost its IL");
        }
    }

    [ReadyToRunFact]
    public void An_assembly_the_build_does_not_precompile_reads_as_IL_only()
    {
        // This test assembly is an ordinary build: the check above can tell the two apart.
        var image = Inspect(typeof(ReadyToRunImageTests).Assembly.Location);
        Assert.False(image.ReadyToRun);
        Assert.True(image.IlBytes > 0);
    }

    private static (bool ReadyToRun, long IlBytes) Inspect(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: build host/LossLab.Cli -c {ReadyToRunFactAttribute.Configuration} first");
        using var pe = new PEReader(File.OpenRead(path));
        var native = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        var readyToRun = native.Size > 0
            && pe.GetSectionData(native.RelativeVirtualAddress).GetReader().ReadUInt32() == ReadyToRunSignature;
        var metadata = pe.GetMetadataReader();
        long il = 0;
        foreach (var handle in metadata.MethodDefinitions)
        {
            var rva = metadata.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva != 0) il += pe.GetMethodBody(rva).Size;
        }
        return (readyToRun, il);
    }
}
