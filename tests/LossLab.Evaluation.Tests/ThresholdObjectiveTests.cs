using Xunit;

namespace LossLab.Evaluation.Tests;

public class ThresholdObjectiveTests
{
    [Theory]
    [InlineData("max_f1", "max_f1")]
    [InlineData("MAX_F1", "max_f1")]
    [InlineData("max_fbeta:2", "max_fbeta:2")]
    [InlineData("max_fbeta:0.5", "max_fbeta:0.5")]
    [InlineData("max_fbeta:1", "max_f1")]
    [InlineData("youden", "youden")]
    [InlineData("recall>=0.9", "recall>=0.9")]
    [InlineData(" recall >= 0.90 ", "recall>=0.9")]
    [InlineData("recall>=1", "recall>=1")]
    [InlineData("precision>=0.8", "precision>=0.8")]
    [InlineData("cost:1,10", "cost:1,10")]
    [InlineData("cost: 0.5 , 20", "cost:0.5,20")]
    [InlineData("cost:0,1", "cost:0,1")]
    [InlineData("0.5", "0.5")]
    [InlineData("0.25", "0.25")]
    [InlineData("1", "1")]
    public void Parse_GivesCanonicalName_ThatParsesBackToAnEqualObjective(string text, string name)
    {
        var objective = ThresholdObjective.Parse(text);
        Assert.Equal(name, objective.Name);
        Assert.Equal(name, objective.ToString());
        Assert.Equal(objective, ThresholdObjective.Parse(objective.Name));
    }

    [Fact]
    public void Parse_GivesTheRightKinds()
    {
        Assert.Equal(1.0, Assert.IsType<MaxFBetaObjective>(ThresholdObjective.Parse("max_f1")).Beta);
        Assert.Equal(0.9, Assert.IsType<RecallFloorObjective>(ThresholdObjective.Parse("recall>=0.9")).MinRecall);
        Assert.Equal(0.8, Assert.IsType<PrecisionFloorObjective>(ThresholdObjective.Parse("precision>=0.8")).MinPrecision);
        var cost = Assert.IsType<CostObjective>(ThresholdObjective.Parse("cost:1,10"));
        Assert.Equal((1.0, 10.0), (cost.FalsePositiveCost, cost.FalseNegativeCost));
        Assert.Equal(0.5, Assert.IsType<FixedThresholdObjective>(ThresholdObjective.Parse("0.5")).Threshold);
        Assert.IsType<YoudenObjective>(ThresholdObjective.Parse("youden"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("f1")]
    [InlineData("max_f2")]
    [InlineData("max_fbeta:0")]
    [InlineData("max_fbeta:-1")]
    [InlineData("max_fbeta:x")]
    [InlineData("recall>=0")]
    [InlineData("recall>=1.5")]
    [InlineData("recall>0.9")]
    [InlineData("precision>=abc")]
    [InlineData("cost:1")]
    [InlineData("cost:1,2,3")]
    [InlineData("cost:0,0")]
    [InlineData("cost:-1,2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0,5")]
    public void Parse_Rejects_QuotingTheTextAndListingTheForms(string text)
    {
        var e = Assert.Throws<FormatException>(() => ThresholdObjective.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        foreach (string form in (string[])["max_f1", "max_fbeta:B", "youden", "recall>=R", "precision>=P", "cost:FP,FN", "0.5"])
            Assert.Contains(form, e.Message);
    }
}
