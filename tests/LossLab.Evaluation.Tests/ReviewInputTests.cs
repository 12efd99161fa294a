using Xunit;
using System.Security.Cryptography;
using System.Text;
using LossLab.Evaluation;

namespace LossLab.Evaluation.Tests;

/// <summary>What review reads besides labels and scores: filters and the hash of the rows kept, a split column found
/// by name, LossLab's pooled predictions.csv, logits and true/false labels.</summary>
public sealed class ReviewInputTests
{
    private const string Pooled = """
        split,seed,loss,label,score
        validation,1,bce,0,0.25
        validation,1,bce,1,0.75
        test,1,bce,0,0.125
        test,1,bce,1,0.5
        validation,1,focal,0,0.3
        validation,1,focal,1,0.6
        test,1,focal,0,0.2
        test,1,focal,1,0.9
        validation,2,bce,1,0.4
        test,2,bce,0,0.1
        """;

    [Fact]
    public void A_pooled_LossLab_predictions_file_without_a_filter_is_refused_listing_the_choices()
    {
        using var folder = new TempFolder();
        var path = folder.File("predictions.csv", Pooled);
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path, findSplitColumn: true));
        Assert.Contains("predictions.csv", e.Message);
        Assert.Contains("3 models", e.Message);
        Assert.Contains("--where loss=bce --where seed=1", e.Message);
        Assert.Contains("--where loss=focal --where seed=1", e.Message);
        Assert.Contains("--where loss=bce --where seed=2", e.Message);
    }

    [Fact]
    public void Filters_are_recorded_and_the_rows_hash_is_that_of_the_kept_rows_alone()
    {
        using var folder = new TempFolder();
        var table = PredictionTableReader.Read(folder.File("predictions.csv", Pooled), where: [("loss", "focal"), ("seed", "1")], findSplitColumn: true);
        Assert.Equal(["loss=focal", "seed=1"], table.Filters);
        Assert.Equal("split", table.SplitColumn);
        Assert.True(table.SplitColumnFound);
        Assert.Equal([0.3, 0.6, 0.2, 0.9], table.Scores);
        // Independent: the documented line format over the four focal rows, hashed here.
        var lines = "0\t0.3\tvalidation\n1\t0.6\tvalidation\n0\t0.2\ttest\n1\t0.9\ttest\n";
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))), table.RowsSha256);

        var alone = PredictionTableReader.Read(folder.File("focal.csv", "label,score,split\n0,0.3,validation\n1,0.6,validation\n0,0.2,test\n1,0.9,test\n"), splitColumn: "split");
        Assert.Equal(table.RowsSha256, alone.RowsSha256);
        Assert.False(alone.SplitColumnFound);
    }

    [Fact]
    public void Logit_scores_become_sigmoid_probabilities_and_true_false_labels_read_as_1_0()
    {
        using var folder = new TempFolder();
        var path = folder.File("logits.csv", "label,score\ntrue,2.5\nFALSE,-1\nTrue,0\nfalse,-40\n");
        var table = PredictionTableReader.Read(path, scoreKind: ScoreKind.Logit);
        Assert.Equal([1, 0, 1, 0], table.Labels);
        // σ(x) = 1 / (1 + e^-x) by hand.
        Assert.Equal(1 / (1 + Math.Exp(-2.5)), table.Scores[0], 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(1)), table.Scores[1], 1e-15);
        Assert.Equal(0.5, table.Scores[2]);
        Assert.Equal(1 / (1 + Math.Exp(40)), table.Scores[3], 1e-15 / (1 + Math.Exp(40)));
        Assert.Equal(ScoreKind.Logit, table.ScoreKind);

        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path));
        Assert.Contains("--score-kind logit", e.Message);
    }
}
