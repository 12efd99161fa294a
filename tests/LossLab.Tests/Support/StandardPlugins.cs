using LossLab.Engine.Plugins;

namespace LossLab.Tests.Support;

/// <summary>The standard plugin DLLs as built into this test's output (plugins/Name/Name.dll), discovered once.</summary>
public static class StandardPlugins
{
    private static readonly Lazy<PluginCatalog> Lazy = new(() => new PluginDiscovery().Discover([PluginDiscovery.DefaultFolder]));

    public static PluginCatalog Catalog => Lazy.Value;

    /// <summary>The standard plugins plus descriptors for test-only plugin types defined in this assembly.</summary>
    public static PluginCatalog With(params Type[] extra)
    {
        var added = extra.Select(t =>
        {
            var instance = (LossLab.Abstractions.IPlugin)Activator.CreateInstance(t)!;
            return new PluginDescriptor(PluginKinds.Of(t)!.Value, instance.Name, instance.Description, t, OptionSchema.Read(t, instance), t.Assembly.Location);
        });
        return new PluginCatalog([.. Catalog.Plugins, .. added], Catalog.Failures, Catalog.Folders);
    }
}
