using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LossLab.Tests.Support;

/// <summary>
/// Where two results folders of the same experiment differ in what must not depend on how the runs were scheduled
/// (one process, shards merged, a cluster array): every number and hash of results.json, and predictions.csv and
/// metrics.csv byte for byte. Ignored: when and where it ran (timestamps, durations, command line, environment,
/// plugin paths, thread and shard bookkeeping).
/// </summary>
public static partial class RunFolderEquality
{
    [GeneratedRegex(@"^/(started_at|finished_at|command_line|base_directory|environment|execution|shard|shards|merged_from)(/|\[|$)|/duration_s$|/source$|/(started|finished)_at$")]
    private static partial Regex Scheduling();

    public static List<string> Differences(string expectedFolder, string actualFolder)
    {
        var differences = JsonDifferences.Of(Read(expectedFolder, "results.json"), Read(actualFolder, "results.json"), path => Scheduling().IsMatch(path));
        foreach (var file in new[] { "predictions.csv", "metrics.csv" })
        {
            var expected = File.ReadAllText(Path.Combine(expectedFolder, file));
            var actual = File.ReadAllText(Path.Combine(actualFolder, file));
            if (expected != actual) differences.Add($"{file}: differs ({expected.Length} vs {actual.Length} characters)");
        }
        return differences;
    }

    private static JsonNode? Read(string folder, string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
