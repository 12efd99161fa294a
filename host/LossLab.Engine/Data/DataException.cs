namespace LossLab.Engine.Data;

/// <summary>The data cannot serve the experiment as configured (a split without positives, ...): exit code 2.</summary>
public sealed class DataException(string message) : Exception(message);
