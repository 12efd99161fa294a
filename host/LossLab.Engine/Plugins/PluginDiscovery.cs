using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LossLab.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace LossLab.Engine.Plugins;

/// <summary>
/// Loads every plugin assembly in the plugin folders with McMaster.NETCore.Plugins. The contracts and TorchSharp are
/// shared with the host (a plugin's Tensor must be the host's Tensor for autograd to flow back). A folder is searched
/// for DLLs directly inside it and one level down (plugins/Name/Name.dll); a DLL that a sibling's deps.json lists as
/// a dependency is that plugin's private dependency, not a plugin.
/// </summary>
public sealed partial class PluginDiscovery(ILogger<PluginDiscovery>? logger = null)
{
    private static readonly Type[] SharedTypes = [typeof(IPlugin), typeof(torch.Tensor)];
    private static readonly HashSet<string> HostOwned = new(StringComparer.OrdinalIgnoreCase) { "LossLab.Abstractions", "TorchSharp" };
    private readonly ILogger _logger = logger ?? NullLogger<PluginDiscovery>.Instance;

    /// <summary>The standard set, built beside the executable.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public PluginCatalog Discover(IEnumerable<string> folders)
    {
        var plugins = new List<PluginDescriptor>();
        var failures = new List<PluginLoadFailure>();
        var searched = folders.Select(Path.GetFullPath).Distinct().ToList();
        foreach (var folder in searched)
        {
            if (!Directory.Exists(folder))
            {
                Fail(failures, folder, "plugin folder does not exist");
                continue;
            }
            foreach (var file in CandidateFiles(folder))
                LoadFile(file, plugins, failures);
        }
        return new PluginCatalog(plugins, failures, searched);
    }

    internal static IEnumerable<string> CandidateFiles(string folder)
    {
        IEnumerable<string> directories = [folder, .. Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)];
        foreach (var directory in directories)
        {
            var dependencies = DependenciesListedIn(directory);
            foreach (var dll in Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(dll);
                if (HostOwned.Contains(name)) continue;
                var ownDeps = File.Exists(Path.ChangeExtension(dll, ".deps.json"));
                if (!ownDeps && dependencies.Contains(name)) continue;
                yield return dll;
            }
        }
    }

    /// <summary>Library names other than the root project listed by every *.deps.json in the folder.</summary>
    private static HashSet<string> DependenciesListedIn(string directory)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var depsFile in Directory.EnumerateFiles(directory, "*.deps.json"))
        {
            var owner = Path.GetFileName(depsFile)[..^".deps.json".Length];
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(depsFile));
                if (!doc.RootElement.TryGetProperty("libraries", out var libraries)) continue;
                foreach (var library in libraries.EnumerateObject())
                {
                    var name = library.Name.Split('/')[0];
                    if (!name.Equals(owner, StringComparison.OrdinalIgnoreCase)) names.Add(name);
                }
            }
            catch (JsonException)
            {
                // A broken deps.json makes its plugin fail to load, which is reported there.
            }
        }
        return names;
    }

    private void LoadFile(string path, List<PluginDescriptor> plugins, List<PluginLoadFailure> failures)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            Fail(failures, path, "not a .NET assembly");
            return;
        }

        Type[] types;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config => config.PreferSharedTypes = true);
            types = loader.LoadDefaultAssembly().GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var reasons = e.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct();
            Fail(failures, path, "a dependency could not be loaded: " + string.Join("; ", reasons));
            return;
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or BadImageFormatException or InvalidOperationException)
        {
            Fail(failures, path, "could not load: " + e.Message);
            return;
        }

        var found = 0;
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }))
        {
            if (PluginKinds.Of(type) is not { } kind) continue;
            found++;
            var descriptor = Describe(type, kind, path, failures);
            if (descriptor is null) continue;
            var existing = plugins.FirstOrDefault(p => p.Kind == kind && p.Name == descriptor.Name);
            if (existing is not null)
            {
                Fail(failures, path, $"{descriptor.Label} ({type.FullName}) duplicates the one already loaded from {existing.Source}; kept that one");
                continue;
            }
            plugins.Add(descriptor);
            _logger.LogDebug("Loaded {Plugin} from {Source}", descriptor.Label, path);
        }
        if (found == 0)
            Fail(failures, path, "no LossLab plugin types (public classes deriving LossPlugin, DatasetPlugin or ModelPlugin)");
    }

    private PluginDescriptor? Describe(Type type, PluginKind kind, string path, List<PluginLoadFailure> failures)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            Fail(failures, path, $"{type.FullName} has no public parameterless constructor");
            return null;
        }
        try
        {
            var instance = (IPlugin)Activator.CreateInstance(type)!;
            var name = instance.Name;
            if (!KebabCase().IsMatch(name ?? ""))
            {
                Fail(failures, path, $"{type.FullName} has name '{name}', which is not kebab-case (e.g. weighted-bce)");
                return null;
            }
            return new PluginDescriptor(kind, name!, instance.Description ?? "", type, OptionSchema.Read(type, instance), path);
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } x } ? x : e;
            Fail(failures, path, $"{type.FullName} threw while being created or described: {inner.GetType().Name}: {inner.Message}");
            return null;
        }
    }

    private void Fail(List<PluginLoadFailure> failures, string source, string reason)
    {
        failures.Add(new PluginLoadFailure(source, reason));
        _logger.LogWarning("Plugin {Source} skipped: {Reason}", source, reason);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
