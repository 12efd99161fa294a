namespace LossLab.Cli;

/// <summary>Bad usage: a missing file, a bad option value. Exit code 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);
