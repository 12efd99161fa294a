using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;

namespace LossLab.Evaluation;

/// <summary>
/// decision-boundaries.json: the decision-boundary grids of a results folder, kept out of results.json so that file
/// stays small (a 100 × 100 grid per loss was 0.64 MB of the default run's 1.1 MB). results.json records the file's
/// SHA-256 (<see cref="ExperimentResults.DecisionBoundariesSha256"/>); a file that is missing or differs is not used.
/// </summary>
public static class DecisionBoundaryFile
{
    public const string Name = "decision-boundaries.json";

    /// <summary>
    /// Writes the grids to <paramref name="path"/> atomically (an array of <see cref="DecisionBoundary"/>, snake_case)
    /// and returns its SHA-256; with no grids, deletes any old file and returns null.
    /// </summary>
    public static string? Write(string path, IReadOnlyList<DecisionBoundary> boundaries)
    {
        if (boundaries.Count == 0)
        {
            File.Delete(path);
            return null;
        }
        var text = ResultsJson.Serialize(boundaries);
        AtomicFile.WriteText(path, text);
        return Sha256(text);
    }

    /// <summary>
    /// The grids of a results folder: decision-boundaries.json when results.json records its SHA-256, else (a
    /// results.json written before the grids moved out) the <c>decision_boundaries</c> inside results.json itself.
    /// </summary>
    /// <param name="strict">Throw when the recorded file is missing or differs (the report draws from it); otherwise
    /// (--resume) such grids are left out: they only draw a figure, and a resumed run scores its model again.</param>
    /// <exception cref="InvalidInputException">With <paramref name="strict"/>: the file is missing, unreadable or not the one recorded.</exception>
    public static List<DecisionBoundary> Read(string folder, ExperimentResults results, string resultsJson, bool strict)
    {
        var path = Path.Combine(folder, Name);
        if (results.DecisionBoundariesSha256 is not { } recorded)
            return JsonNode.Parse(resultsJson)?["decision_boundaries"] is JsonArray inline
                ? inline.Deserialize<List<DecisionBoundary>>(ResultsJson.Options) ?? []
                : [];
        if (!File.Exists(path))
            return strict ? throw new InvalidInputException($"{path}: file not found (results.json records the decision-boundary grids there)") : [];
        var text = File.ReadAllText(path);
        if (Sha256(text) != recorded)
            return strict ? throw new InvalidInputException($"{path}: not the file results.json records (SHA-256 {Sha256(text)[..12]}… instead of {recorded[..12]}…): edited, or from another run") : [];
        try
        {
            return ResultsJson.Deserialize<List<DecisionBoundary>>(text);
        }
        catch (JsonException e)
        {
            return strict ? throw new InvalidInputException($"{path}: not a LossLab decision-boundary file: {e.Message}") : [];
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
