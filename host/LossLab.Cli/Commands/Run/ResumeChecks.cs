using LossLab.Engine.Experiments;
using LossLab.Engine.Plugins;
using LossLab.Evaluation;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;

namespace LossLab.Cli.Commands.Run;

/// <summary>
/// What --resume checks before anything trains: the saved experiment resolves again, with relative paths from the
/// folder the first run resolved them from (not the results folder), to the same experiment hash, and with plugins
/// whose DLLs hash as they did. The dataset's hash is checked once it is loaded (<see cref="Engine.Running.ExperimentRunner"/>).
/// </summary>
internal static class ResumeChecks
{
    /// <exception cref="InvalidInputException">A plugin's DLL changed or is gone, or the experiment no longer resolves to the same one.</exception>
    public static ResolvedExperiment Resolve(ExperimentResults saved, string folder, PluginCatalog catalog)
    {
        var source = saved.ExperimentSource is { Length: > 0 } s ? s : Path.Combine(folder, ResultsFolder.ResultsFile);
        var resolved = ExperimentResolver.Resolve(saved.Experiment.ToJson(), source, catalog);
        if (saved.BaseDirectory is { Length: > 0 } baseDirectory) resolved = resolved with { BaseDirectoryOverride = baseDirectory };

        var now = new[] { resolved.Dataset.Descriptor, resolved.Model.Descriptor }.Concat(resolved.Losses.Select(l => l.Plugin.Descriptor))
            .DistinctBy(d => (d.Kind, d.Name)).ToDictionary(d => (d.Kind.Label(), d.Name), d => d);
        var changed = saved.Plugins
            .Where(p => !now.TryGetValue((p.Kind, p.Name), out var d) || !string.Equals(d.Sha256, p.Sha256, StringComparison.OrdinalIgnoreCase))
            .Select(p => now.TryGetValue((p.Kind, p.Name), out var d)
                ? $"{p.Kind} plugin '{p.Name}' ({d.Source}) has SHA-256 {d.Sha256}, the earlier runs used {p.Sha256} ({p.Source})"
                : $"{p.Kind} plugin '{p.Name}' is no longer found (it came from {p.Source})")
            .ToList();
        if (changed.Count > 0)
            throw new InvalidInputException($"--resume {folder}: the plugins changed since the earlier runs, so new runs would not be comparable; nothing was trained:\n  {string.Join("\n  ", changed)}");
        if (saved.ExperimentSha256 is { Length: > 0 } hash && ExperimentHash.Of(resolved.Experiment) != hash)
            throw new InvalidInputException($"--resume {folder}: the saved experiment no longer resolves to the one the earlier runs used (a plugin's options changed); nothing was trained");
        return resolved;
    }
}
