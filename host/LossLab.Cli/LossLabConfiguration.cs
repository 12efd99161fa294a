using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LossLab.Cli;

/// <summary>
/// The configuration every verb reads: appsettings.json beside the executable, then LOSSLAB_ environment
/// variables, then <c>--Key=value</c> arguments. Read and checked before the host is built, so a malformed file or
/// an unknown log level is a clear error naming the file or key (exit 2), never a stack trace.
/// </summary>
public static class LossLabConfiguration
{
    public const string Prefix = "LOSSLAB_";

    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    /// <exception cref="UsageException">appsettings.json is not valid JSON, or a setting has a value it cannot have.</exception>
    public static IConfigurationRoot Build(string appSettings, string[] args)
    {
        if (File.Exists(appSettings))
        {
            // The configuration provider's own error names neither the line nor the problem well; parse first.
            try
            {
                using var _ = JsonDocument.Parse(File.ReadAllText(appSettings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                throw new UsageException($"{appSettings}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}");
            }
        }
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(appSettings, optional: true)
                .AddEnvironmentVariables(Prefix)
                .AddCommandLine(args.Where(a => a.Contains('=') && a.StartsWith("--", StringComparison.Ordinal)).ToArray())
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            throw new UsageException($"{appSettings}: cannot be read as configuration: {e.Message}");
        }
        Check(configuration, appSettings);
        return configuration;
    }

    /// <summary>
    /// Plugin folders from configuration: <c>LossLab:PluginFolders</c> (where the shipped appsettings.json puts them,
    /// or <c>LOSSLAB_LossLab__PluginFolders__0</c>) and the top-level <c>PluginFolders</c> (<c>LOSSLAB_PluginFolders__0</c>).
    /// </summary>
    public static string[] PluginFolders(IConfiguration configuration) =>
        [.. Strings(configuration.GetSection("LossLab:PluginFolders")), .. Strings(configuration.GetSection("PluginFolders"))];

    private static IEnumerable<string> Strings(IConfigurationSection section) =>
        section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0);

    /// <summary>Every LogLevel value must name a level; every problem names the key and where it came from.</summary>
    private static void Check(IConfigurationRoot configuration, string appSettings)
    {
        var problems = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null || !key.Split(':').Contains("LogLevel", StringComparer.OrdinalIgnoreCase)) continue;
            if (Enum.TryParse<LogLevel>(value, ignoreCase: true, out _) && !int.TryParse(value, out _)) continue;
            problems.Add($"{key} = '{value}' (from {Source(configuration, key, appSettings)}) is not a log level: use one of {string.Join(", ", Enum.GetNames<LogLevel>())}");
        }
        if (problems.Count > 0) throw new UsageException("configuration: " + string.Join("; ", problems));
    }

    /// <summary>The last provider that sets <paramref name="key"/>: the one whose value counts.</summary>
    private static string Source(IConfigurationRoot configuration, string key, string appSettings)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider switch
            {
                Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider => appSettings,
                Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $"the environment variable {Prefix}{key.Replace(":", "__")}",
                _ => "the command line",
            };
        }
        return "configuration";
    }
}
