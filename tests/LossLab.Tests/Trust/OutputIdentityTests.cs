using LossLab.Engine.Predicting;
using LossLab.Evaluation;
using LossLab.Tests.Support;

namespace LossLab.Tests.Trust;

/// <summary>
/// decision-boundaries.json is checked like predictions.csv: the report refuses one that results.json does not record,
/// --resume leaves it out, and a results.json from before the grids moved out still gives its grids back. And
/// <c>losslab predict</c> numbers rows as <c>losslab run</c> does.
/// </summary>
public sealed class OutputIdentityTests
{
    private static readonly string Fixture = RepoPaths.Of("tests", "LossLab.Reports.Tests", "Fixtures", "ReportRun");

    private static TempFolder CopyOfFixture()
    {
        var temp = new TempFolder();
        foreach (var file in Directory.GetFiles(Fixture)) File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        return temp;
    }

    [Fact]
    public void An_edited_or_missing_decision_boundary_file_is_refused_for_the_report_and_left_out_on_resume()
    {
        using var temp = CopyOfFixture();
        Assert.Equal(3, ResultsFolder.Load(temp.Path, requirePredictions: true).Results.DecisionBoundaries.Count);

        var path = Path.Combine(temp.Path, DecisionBoundaryFile.Name);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"seed\": 1", "\"seed\": 7"));
        var edited = Assert.Throws<InvalidInputException>(() => ResultsFolder.Load(temp.Path, requirePredictions: true));
        Assert.Contains(DecisionBoundaryFile.Name, edited.Message);
        Assert.Contains("not the file results.json records", edited.Message);
        Assert.Empty(ResultsFolder.Load(temp.Path).Results.DecisionBoundaries);

        File.Delete(path);
        Assert.Contains("file not found", Assert.Throws<InvalidInputException>(() => ResultsFolder.Load(temp.Path, requirePredictions: true)).Message);
        Assert.Empty(ResultsFolder.Load(temp.Path).Results.DecisionBoundaries);
    }

    [Fact]
    public void A_results_json_written_before_the_grids_moved_out_gives_its_inline_grids_back()
    {
        using var temp = CopyOfFixture();
        var results = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, ResultsFolder.ResultsFile)))!.AsObject();
        var grids = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, DecisionBoundaryFile.Name)));
        results.Remove("decision_boundaries_sha256");
        results["decision_boundaries"] = grids;
        File.WriteAllText(Path.Combine(temp.Path, ResultsFolder.ResultsFile), results.ToJsonString());
        File.Delete(Path.Combine(temp.Path, DecisionBoundaryFile.Name));

        var loaded = ResultsFolder.Load(temp.Path, requirePredictions: true).Results.DecisionBoundaries;
        Assert.Equal(["bce", "weighted-bce", "focal-g2"], loaded.Select(b => b.Loss));
        Assert.Equal((double)grids![0]!["scores"]![17]!, loaded[0].Scores[17]);
    }

    [Fact]
    public void Predict_numbers_csv_rows_from_1_as_run_does()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("rows.csv"), "a,b,label\n1,2,0\n3,4,1\n5,6,0\n");
        using var source = new CsvRowSource(temp.File("rows.csv"), "label", labelRequired: true, idColumn: null, splitColumn: null, modelFeatures: null, chosenFeatures: null);
        Assert.Equal(["1", "2", "3"], source.Batches(2).SelectMany(b => b.Ids.Take(b.Count)));
    }
}
