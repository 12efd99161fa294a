using LossLab.Evaluation.Experiments;
using LossLab.Engine.Experiments;

namespace LossLab.Engine.Data;

/// <summary>
/// Seeded split stratified by label: within each class, round(n_c · fraction) rows go to test and to validation,
/// the rest to training, so every split keeps the class ratio. Each split must hold both classes.
/// </summary>
public static class StratifiedSplitter
{
    public static DataSplit Split(int[] labels, SplitSettings settings, int seed)
    {
        var random = SplitMix64.For(seed, "split");
        List<int> train = [], validation = [], test = [];
        foreach (var label in new[] { 0, 1 })
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            var nTest = (int)Math.Round(rows.Length * settings.Test, MidpointRounding.AwayFromZero);
            var nValidation = (int)Math.Round(rows.Length * settings.Validation, MidpointRounding.AwayFromZero);
            test.AddRange(rows[..nTest]);
            validation.AddRange(rows[nTest..(nTest + nValidation)]);
            train.AddRange(rows[(nTest + nValidation)..]);
            var total = rows.Length;
            Require("test", test, labels, label, total, settings.Test);
            Require("validation", validation, labels, label, total, settings.Validation);
            Require("train", train, labels, label, total, 1 - settings.Test - settings.Validation);
        }
        return new DataSplit([.. train.Order()], [.. validation.Order()], [.. test.Order()]);
    }

    private static void Require(string split, List<int> rows, int[] labels, int label, int classTotal, double fraction)
    {
        if (rows.Any(i => labels[i] == label)) return;
        throw new DataException(
            $"split '{split}' would get no example of class {label}: the class has {classTotal} row(s) and the {split} fraction is {fraction:0.###}. " +
            "Use more data, a lower imbalance ratio, or larger split fractions.");
    }
}
