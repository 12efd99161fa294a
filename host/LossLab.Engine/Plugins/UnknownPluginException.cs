namespace LossLab.Engine.Plugins;

/// <summary>A request for a plugin that was not discovered; the message lists the ones that were.</summary>
public sealed class UnknownPluginException(string message) : Exception(message);
