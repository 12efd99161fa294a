using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LossLab.Evaluation;

namespace LossLab.Tests.Support;

/// <summary>
/// A results folder made by shards (merged by <c>losslab merge</c>, on one machine or a cluster's job array) against
/// a single-process run of the same experiment. What may differ: when and how each ran, the machine, and the shard
/// bookkeeping. Every other field (each run's numbers, epochs, hashes, predictions digest, model SHA-256, the
/// aggregates, bootstrap, gates, warnings, loss shapes, decision boundaries) must be equal, predictions.csv,
/// metrics.csv and the model folders byte for byte, summary.md but for its start time.
/// </summary>
public static class RunFolderEquality
{
    private static readonly string[] IgnoredTopLevel = ["started_at", "command_line", "environment", "shard", "merged_from"];
    private static readonly Regex IgnoredPath = new(@"^/runs\[\d+\]/duration_s$");

    public static void AssertSameAsSingleProcess(string whole, string merged)
    {
        JsonNode Read(string folder)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultsFolder.ResultsFile)))!.AsObject();
            foreach (var key in IgnoredTopLevel) json.Remove(key);
            return json;
        }
        var differences = JsonDifferences.Of(Read(whole), Read(merged), path => IgnoredPath.IsMatch(path));
        Assert.True(differences.Count == 0, "results.json differs from the single-process run's:\n" + string.Join("\n", differences.Take(40)));
        foreach (var file in new[] { ResultsFolder.PredictionsFile, "metrics.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))), $"{file} is not byte-equal");
        static IEnumerable<string> Summary(string folder) =>
            File.ReadAllLines(Path.Combine(folder, "summary.md")).Where(l => !Regex.IsMatch(l, @"started \d{4}-\d\d-\d\d"));
        Assert.Equal(Summary(whole), Summary(merged));
        Assert.True(File.Exists(Path.Combine(merged, "report.pdf")), "the merged folder has no report.pdf");
        Assert.Equal(FileHash.OfPath(Path.Combine(whole, "models")), FileHash.OfPath(Path.Combine(merged, "models")));
    }
}
