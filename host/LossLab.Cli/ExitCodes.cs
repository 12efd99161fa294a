namespace LossLab.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A run failed or diverged, or something broke at runtime.</summary>
    public const int RuntimeFailure = 1;
    /// <summary>Bad usage or bad input (file, row, option or plugin named in the message).</summary>
    public const int BadInput = 2;
    /// <summary>A review's acceptance gate failed.</summary>
    public const int GateFailed = 3;
}
