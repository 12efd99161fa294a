namespace LossLab.Engine.Plugins;

/// <summary>A file or plugin that could not be loaded, and why. Never fatal: every other plugin still loads.</summary>
public sealed record PluginLoadFailure(string Source, string Reason);
