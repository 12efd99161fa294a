using LossLab.Engine.Plugins;
using Microsoft.Extensions.Configuration;

namespace LossLab.Cli;

/// <summary>Builds the catalog from the standard folder, configured folders and a verb's --plugins folders.</summary>
public sealed class PluginCatalogFactory(PluginDiscovery discovery, IConfiguration configuration)
{
    public PluginCatalog Create(IEnumerable<string>? extraFolders)
    {
        var configured = LossLabConfiguration.PluginFolders(configuration);
        var extra = (extraFolders ?? []).ToList();
        foreach (var folder in extra.Where(f => !Directory.Exists(f)))
            throw new UsageException($"--plugins {folder}: folder does not exist");
        return discovery.Discover([PluginDiscovery.DefaultFolder, .. configured, .. extra]);
    }
}
