namespace LossLab.Evaluation;

/// <summary>
/// A user's input file cannot be used (missing, malformed, or values out of range). The message names the file
/// and, for a bad value, the data row (1-based, the header not counted), the line, and the column. The CLI
/// maps it to exit code 2.
/// </summary>
public sealed class InvalidInputException(string message) : Exception(message);
