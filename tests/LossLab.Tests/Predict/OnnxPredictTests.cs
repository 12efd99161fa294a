using System.Globalization;
using LossLab.Tests.Support;

namespace LossLab.Tests.Predict;

/// <summary>
/// ONNX models exported by PyTorch 1.13 (tests/LossLab.Tests/Fixtures/Predict/make_predict_fixtures.py) give PyTorch's
/// outputs through <c>losslab predict</c>; models LossLab cannot read as a binary classifier exit 2 naming the file.
/// </summary>
public sealed class OnnxPredictTests
{
    private static string Fixture(string name) => RepoPaths.Of("tests", "LossLab.Tests", "Fixtures", "Predict", name);

    private static Dictionary<string, double> PyTorchLogits() =>
        PredictCsv.Read(Fixture("mlp_expected.csv")).Rows.ToDictionary(r => r["id"], r => double.Parse(r["logit"], CultureInfo.InvariantCulture));

    [Fact]
    public void An_exported_mlp_gives_pytorchs_logits()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "predict", Fixture("mlp.onnx"), "--data", Fixture("inputs.csv"), "--id-column", "id", "--out", "scored.csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var (header, rows) = PredictCsv.Read(temp.File("scored.csv"));
        Assert.Equal(["id", "label", "logit", "score"], header);
        var expected = PyTorchLogits();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var logit = double.Parse(row["logit"], CultureInfo.InvariantCulture);
            // float32 arithmetic in another library: equal up to the last bit or two of a float.
            Assert.Equal(expected[row["id"]], logit, 1e-6);
            Assert.Equal(1 / (1 + Math.Exp(-expected[row["id"]])), double.Parse(row["score"], CultureInfo.InvariantCulture), 1e-6);
        }
    }

    [Fact]
    public void A_probability_output_is_the_score_when_output_probability_is_said()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "predict", Fixture("probability.onnx"), "--output", "probability",
            "--data", Fixture("inputs.csv"), "--id-column", "id", "--out", "scored.csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = PyTorchLogits();
        foreach (var row in PredictCsv.Read(temp.File("scored.csv")).Rows)
        {
            Assert.Equal(1 / (1 + Math.Exp(-expected[row["id"]])), double.Parse(row["score"], CultureInfo.InvariantCulture), 1e-6);
            Assert.Equal(expected[row["id"]], double.Parse(row["logit"], CultureInfo.InvariantCulture), 1e-5);
        }
    }

    [Theory]
    [InlineData("two_inputs.onnx", "2 inputs")]
    [InlineData("ten_way.onnx", "[B, 10]")]
    public void A_model_that_is_not_one_float_input_to_one_value_per_row_exits_2_naming_the_file(string model, string problem)
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "predict", Fixture(model), "--data", Fixture("inputs.csv"), "--out", "scored.csv");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(model, result.Error);
        Assert.Contains(problem, result.Error);
        Assert.False(File.Exists(temp.File("scored.csv")));
    }

    [Fact]
    public void A_model_spec_with_a_pytorch_state_dict_gives_pytorchs_logits()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "predict", Fixture("mlp_spec.json"), "--data", Fixture("inputs.csv"), "--id-column", "id", "--out", "scored.csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = PyTorchLogits();
        foreach (var row in PredictCsv.Read(temp.File("scored.csv")).Rows)
            Assert.Equal(expected[row["id"]], double.Parse(row["logit"], CultureInfo.InvariantCulture), 1e-6);
    }
}
