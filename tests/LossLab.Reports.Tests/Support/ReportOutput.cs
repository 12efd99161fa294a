namespace LossLab.Reports.Tests.Support;

/// <summary>A folder for rendered test reports, kept after the run so a person can open them.</summary>
internal static class ReportOutput
{
    public static string PathFor(string fileName)
    {
        var directory = Path.Combine(Path.GetTempPath(), "losslab-reports-tests");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
