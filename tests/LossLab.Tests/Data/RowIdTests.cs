using System.Globalization;
using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Evaluation.Experiments;

namespace LossLab.Tests.Data;

/// <summary>Row ids survive the imbalance stage: each kept row keeps the id of the row it was in the loaded data.</summary>
public sealed class RowIdTests
{
    /// <summary>Feature = the 0-based loaded row index, so a kept row says where it came from.</summary>
    private static Dataset Make(int negatives, int positives)
    {
        var labels = Enumerable.Repeat(0, negatives).Concat(Enumerable.Repeat(1, positives)).ToArray();
        return new Dataset(labels.Select((_, i) => (float)i).ToArray(), labels, new DatasetInfo([1], ["x"], ["n", "p"], "test"));
    }

    [Fact]
    public void Without_plugin_ids_rows_are_numbered_from_1_and_keep_their_number_through_the_imbalance_stage()
    {
        var data = RowNumbers.Ensure(Make(500, 100), "test");
        Assert.Equal(["1", "2", "3"], data.RowIds!.Take(3));

        var kept = ImbalanceSampler.Apply(data, new ImbalanceSettings(1, 25), seed: 4, _ => { });
        Assert.Equal(520, kept.Count);
        for (var k = 0; k < kept.Count; k++)
            Assert.Equal(((int)kept.Features[k] + 1).ToString(CultureInfo.InvariantCulture), kept.RowIds![k]);
    }

    [Fact]
    public void Plugin_ids_are_kept_as_given_and_a_wrong_count_is_refused()
    {
        var data = Make(300, 60) with { RowIds = [.. Enumerable.Range(0, 360).Select(i => $"id{i}")] };
        Assert.Same(data.RowIds, RowNumbers.Ensure(data, "test").RowIds);
        var kept = ImbalanceSampler.Apply(data, new ImbalanceSettings(1, 10), seed: 1, _ => { });
        for (var k = 0; k < kept.Count; k++) Assert.Equal($"id{(int)kept.Features[k]}", kept.RowIds![k]);

        var wrong = data with { RowIds = ["a", "b"] };
        Assert.Contains("2 row ids for 360 rows", Assert.Throws<InvalidOperationException>(() => RowNumbers.Ensure(wrong, "test")).Message);
    }
}
