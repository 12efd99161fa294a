using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// The files of one experiment's results folder, each written atomically. Plain files, no tensors: <c>losslab report</c>
/// reads them back without the training engine.
/// </summary>
public sealed class ResultsFolder(string directory)
{
    public const string ResultsFile = "results.json";
    public const string PredictionsFile = "predictions.csv";

    public string Directory { get; } = Path.GetFullPath(directory);
    public string ResultsPath => Path.Combine(Directory, ResultsFile);
    public string PredictionsPath => Path.Combine(Directory, PredictionsFile);
    public string DecisionBoundariesPath => Path.Combine(Directory, DecisionBoundaryFile.Name);

    /// <summary>The folder a run's model is saved in: weights, PyTorch state_dict and model.json.</summary>
    public string ModelFolder(string loss, int seed) => Path.Combine(Directory, "models", $"{Sanitize(loss)}_seed{seed}");

    public string Relative(string path) => Path.GetRelativePath(Directory, path);

    /// <summary>
    /// Writes predictions.csv, decision-boundaries.json (the grids of <see cref="ExperimentResults.DecisionBoundaries"/>)
    /// and then results.json, which records the grids' SHA-256; each file atomically.
    /// </summary>
    public void Save(ExperimentResults results, IEnumerable<Prediction> predictions)
    {
        System.IO.Directory.CreateDirectory(Directory);
        LossLab.Evaluation.PredictionsFile.Write(PredictionsPath, predictions);
        SaveResults(results);
    }

    /// <summary>As <see cref="Save(ExperimentResults, IEnumerable{Prediction})"/>, with the rows already formatted (<see cref="LossLab.Evaluation.PredictionsFile.Format"/>) and the runs already serialized.</summary>
    /// <param name="serializedRuns">Each of <paramref name="results"/>' runs as <see cref="ResultsJson.Serialize{T}"/> gives it (see <see cref="ResultsJson.Serialize(ExperimentResults, IReadOnlyList{string})"/>).</param>
    public void Save(ExperimentResults results, IEnumerable<byte[]> formattedPredictions, IReadOnlyList<string> serializedRuns)
    {
        System.IO.Directory.CreateDirectory(Directory);
        LossLab.Evaluation.PredictionsFile.Write(PredictionsPath, formattedPredictions);
        SaveResults(results, serializedRuns);
    }

    /// <summary>
    /// As <see cref="Save"/> when predictions.csv already holds the results' rows (the closing analysis adds
    /// numbers, not rows): writes decision-boundaries.json and then results.json.
    /// </summary>
    /// <param name="serializedRuns">The runs already serialized, as in <see cref="Save(ExperimentResults, IEnumerable{byte[]}, IReadOnlyList{string})"/>; null: serialized here.</param>
    public void SaveResults(ExperimentResults results, IReadOnlyList<string>? serializedRuns = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var withBoundaries = results with { DecisionBoundariesSha256 = WriteBoundaries(results.DecisionBoundaries) };
        AtomicFile.WriteText(ResultsPath, serializedRuns is null ? ResultsJson.Serialize(withBoundaries) : ResultsJson.Serialize(withBoundaries, serializedRuns));
    }

    private List<DecisionBoundary>? _boundariesWritten;
    private string? _boundariesSha256;

    /// <summary>
    /// decision-boundaries.json, rewritten only when the grids differ from the ones this folder object last wrote
    /// (the same objects, and the file still there): a run saves after each of its trainings, and only the first
    /// seed's trainings add a grid, so the unchanged file is not serialized, hashed and written again each time.
    /// </summary>
    private string? WriteBoundaries(IReadOnlyList<DecisionBoundary> boundaries)
    {
        if (_boundariesWritten is { } written && written.Count == boundaries.Count && boundaries.Count > 0
            && written.Zip(boundaries).All(pair => ReferenceEquals(pair.First, pair.Second)) && File.Exists(DecisionBoundariesPath))
            return _boundariesSha256;
        _boundariesSha256 = DecisionBoundaryFile.Write(DecisionBoundariesPath, boundaries);
        _boundariesWritten = [.. boundaries];
        return _boundariesSha256;
    }

    /// <summary>
    /// Reads a results folder back (for --resume and <c>losslab report</c>). predictions.csv may be missing only
    /// when <paramref name="requirePredictions"/> is false (a run interrupted before its first run finished).
    /// </summary>
    public static PreviousResults Load(string directory, bool requirePredictions = false, string resultsFile = ResultsFile)
    {
        var folder = new ResultsFolder(directory);
        var resultsPath = Path.Combine(folder.Directory, resultsFile);
        if (!File.Exists(resultsPath)) throw new InvalidInputException($"{directory}: no {resultsFile} there");
        ExperimentResults results;
        var text = File.ReadAllText(resultsPath);
        try
        {
            results = ResultsJson.Deserialize<ExperimentResults>(text);
            results = results with { DecisionBoundaries = DecisionBoundaryFile.Read(folder.Directory, results, text, strict: requirePredictions) };
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidInputException($"{resultsPath}: not a LossLab results file: {e.Message}");
        }
        if (requirePredictions && !File.Exists(folder.PredictionsPath))
            throw new InvalidInputException($"{folder.PredictionsPath}: file not found (the report's curves are drawn from it)");
        var predictions = File.Exists(folder.PredictionsPath) ? LossLab.Evaluation.PredictionsFile.Read(folder.PredictionsPath) : [];
        // The report draws from both files: they must be the same run's (--resume checks per run and rebuilds instead).
        if (requirePredictions) PredictionDigest.Verify(results, predictions, folder.PredictionsPath);
        return new PreviousResults(results, predictions);
    }

    /// <summary>The files LossLab itself writes into a results folder (and only those: --force clears them, nothing else).</summary>
    public static readonly IReadOnlyList<string> OwnFiles = [ResultsFile, PredictionsFile, DecisionBoundaryFile.Name, "report.pdf", "summary.md", "metrics.csv", "history.csv"];

    /// <summary>
    /// Removes the temporary files a killed process left behind (<see cref="AtomicFile"/>'s <c>.NAME.GUID.tmp</c>),
    /// here and in models/; a live writer's temporary file has a fresh GUID, so only one process may use a folder.
    /// </summary>
    public void RemoveOrphanTemporaries()
    {
        foreach (var folder in new[] { Directory, Path.Combine(Directory, "models") })
        {
            if (!System.IO.Directory.Exists(folder)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, ".*.tmp"))
                File.Delete(file);
        }
    }

    /// <summary>Deletes LossLab's own files and models/ (--force), leaving anything else in the folder alone.</summary>
    public void ClearOwnFiles()
    {
        RemoveOrphanTemporaries();
        foreach (var name in OwnFiles)
            File.Delete(Path.Combine(Directory, name));
        var models = Path.Combine(Directory, "models");
        if (System.IO.Directory.Exists(models)) System.IO.Directory.Delete(models, recursive: true);
    }

    /// <summary>Whether the folder is missing or empty.</summary>
    public bool IsEmpty => !System.IO.Directory.Exists(Directory) || !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any();

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
