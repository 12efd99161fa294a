using LossLab.Evaluation;

namespace LossLab.Reports.Tests.Fixtures;

/// <summary>Scored rows for review reports: 10% positives, a validation and a test split, fixed seed.</summary>
internal static class ReviewTables
{
    public static PredictionTable TwoSplits()
    {
        var random = new Random(3);
        const int rows = 2000;
        var labels = Enumerable.Range(0, rows).Select(i => i % 20 < 2 ? 1 : 0).ToArray();
        var scores = labels.Select(l => 1 / (1 + Math.Exp(-(-3 + 3 * l + 1.5 * (random.NextDouble() * 2 - 1))))).ToArray();
        var splits = Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "validation" : "test").ToArray();
        return new PredictionTable("scored.csv", labels, scores, splits);
    }
}
