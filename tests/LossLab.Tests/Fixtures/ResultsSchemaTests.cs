using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Tests.Support;

namespace LossLab.Tests.Fixtures;

/// <summary>
/// The report fixture, a real engine run with gates, a deployment prevalence and a bootstrap, is valid against
/// results.schema.json, and the schema describes every key it holds; its decision-boundaries.json is valid too.
/// </summary>
public sealed class ResultsSchemaTests
{
    private static readonly string Folder = RepoPaths.Of("tests", "LossLab.Reports.Tests", "Fixtures", "ReportRun");

    [Fact]
    public void The_report_fixture_is_valid_against_the_results_schema_which_describes_every_key_it_holds()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, ResultsFolder.ResultsFile)))!;
        Assert.NotNull(json["gates"]);
        Assert.NotNull(json["runs"]![0]!["deployment"]);
        Assert.Empty(Schemas.Problems(Schemas.ResultsNode(), json));
        Assert.Empty(Schemas.Problems(Schemas.Strict(Schemas.ResultsNode()), json));
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), json["experiment"]));
        Assert.Empty(Schemas.Problems(Schemas.Strict(Schemas.DecisionBoundaries()), JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, DecisionBoundaryFile.Name)))));
    }
}
