using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Fixtures;

/// <summary>
/// results.json rewritten after every run from runs serialized once each is the same text as the whole results
/// serialized at once: checked on the report fixture, a real engine run (gates, deployment, bootstrap, histories).
/// </summary>
public sealed class SerializedRunsTests
{
    private static readonly string Folder = RepoPaths.Of("tests", "LossLab.Reports.Tests", "Fixtures", "ReportRun");

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Runs_serialized_one_by_one_and_placed_in_the_results_give_the_text_of_the_whole_results_serialized_at_once(int keep)
    {
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(Path.Combine(Folder, ResultsFolder.ResultsFile)));
        Assert.True(results.Runs.Count > 2);
        if (keep >= 0) results = results with { Runs = [.. results.Runs.Take(keep)] };
        var whole = ResultsJson.Serialize(results);
        Assert.Equal(whole, ResultsJson.Serialize(results, [.. results.Runs.Select(ResultsJson.Serialize)]));
        Assert.Throws<ArgumentException>(() => ResultsJson.Serialize(results, [.. results.Runs.Select(ResultsJson.Serialize), "{}"]));
    }
}
