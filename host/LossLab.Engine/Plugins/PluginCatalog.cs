namespace LossLab.Engine.Plugins;

/// <summary>The plugins discovered in this process, by kind and name, and the files that failed to load.</summary>
public sealed class PluginCatalog(IReadOnlyList<PluginDescriptor> plugins, IReadOnlyList<PluginLoadFailure> failures, IReadOnlyList<string> folders)
{
    public IReadOnlyList<PluginDescriptor> Plugins { get; } = plugins;
    public IReadOnlyList<PluginLoadFailure> Failures { get; } = failures;
    public IReadOnlyList<string> Folders { get; } = folders;

    public IEnumerable<PluginDescriptor> OfKind(PluginKind kind) => Plugins.Where(p => p.Kind == kind);

    public PluginDescriptor? Find(PluginKind kind, string name) => Plugins.FirstOrDefault(p => p.Kind == kind && p.Name == name);

    public PluginDescriptor Get(PluginKind kind, string name) =>
        Find(kind, name) ?? throw new UnknownPluginException(UnknownMessage(kind, name));

    public string UnknownMessage(PluginKind kind, string name)
    {
        var available = OfKind(kind).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var list = available.Count == 0 ? "none were found" : "available: " + string.Join(", ", available);
        return $"no {kind.Label()} plugin named '{name}' ({list}; searched {string.Join(", ", Folders)})";
    }
}
