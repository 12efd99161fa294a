namespace LossLab.Tests.Native;

/// <summary>A fact about Linux's ELF libraries: reported as skipped, not passed, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only: TorchRuntime patches nothing on other systems";
    }
}
