using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

/// <summary>The sort-once overloads give exactly what the array overloads give.</summary>
public class RankedRowsTests
{
    [Theory]
    [InlineData(41, 900, 99.0, 3)]
    [InlineData(42, 1800, 9.0, 2)]
    [InlineData(43, 300, 1.0, 4)]
    public void Thresholds_and_metrics_from_rows_sorted_once_equal_those_from_arrays(int seed, int n, double ratio, int decimals)
    {
        var (tuneLabels, tuneScores) = RandomData.Scores(seed, n, ratio, decimals);
        var (testLabels, testScores) = RandomData.Scores(seed + 100, 2 * n, ratio, decimals);
        var tune = new RankedRows(tuneLabels, tuneScores);
        var test = new RankedRows(testLabels, testScores);
        foreach (var text in (string[])["max_f1", "max_fbeta:2", "youden", "recall>=0.9", "precision>=0.5", "cost:1,20", "0.5", "0.37"])
        {
            var objective = ThresholdObjective.Parse(text);
            var fromArrays = ThresholdTuner.Evaluate(objective, tuneLabels, tuneScores, testLabels, testScores);
            var fromRows = ThresholdTuner.Evaluate(objective, tune, test);
            Assert.Equal(fromArrays with { Test = null! }, fromRows with { Test = null! });
            Assert.Equal(fromArrays.Test, fromRows.Test);
        }
        foreach (var threshold in (double[])[0.5, 0, 1, 0.123, double.PositiveInfinity, -3])
            Assert.Equal(Metrics.Compute(testLabels, testScores, threshold), Metrics.Compute(test, threshold));
    }

    [Fact]
    public void Metrics_from_rows_still_reject_scores_that_are_not_probabilities()
    {
        var rows = new RankedRows([0, 1], [0.2, 1.5]);
        Assert.Throws<ArgumentException>(() => Metrics.Compute(rows));
        Assert.Equal(1.5, ThresholdTuner.Tune(new MaxFBetaObjective(1), rows).Threshold);
    }
}
