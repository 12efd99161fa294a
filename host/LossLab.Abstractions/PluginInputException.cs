namespace LossLab.Abstractions;

/// <summary>
/// Thrown by a plugin when the user's input is wrong (a missing file, a bad cell, a single class). The host
/// reports the message as is and exits with code 2, so say which file, row and column.
/// </summary>
public sealed class PluginInputException(string message, Exception? inner = null) : Exception(message, inner);
