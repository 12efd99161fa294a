using System.Globalization;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// A bad option value exits 2 with a message that names the option as typed, before any file is read or written.
/// The review's checks repeat rules of ReviewAnalyzer, whose own messages cannot name the option ("Bootstrap
/// resamples must be 0 (skip) or more"): these tests fail if the CLI's check is dropped in favour of them.
/// </summary>
public sealed class OptionValueTests
{
    [Theory]
    [InlineData("--bootstrap -1", "review", "preds.csv", "--out", "out", "--bootstrap", "-1")]
    [InlineData("--prevalence 1", "review", "preds.csv", "--out", "out", "--prevalence", "1")]
    [InlineData("--threshold recal>=0.9: Unknown threshold objective", "review", "preds.csv", "--out", "out", "--threshold", "recal>=0.9")]
    [InlineData("--where loss: expected COLUMN=VALUE", "review", "preds.csv", "--out", "out", "--where", "loss")]
    [InlineData("--parallel 0: must be auto or a whole number of at least 1", "run", "--out", "out", "--parallel", "0")]
    [InlineData("--parallel two: must be auto or a whole number of at least 1", "run", "--out", "out", "--parallel", "two")]
    [InlineData("--class-counts 10: expected NEG,POS", "loss", "eval", "bce", "--input", "grid.csv", "--out", "out", "--class-counts", "10")]
    [InlineData("--set gamma: expected name=value", "loss", "eval", "bce", "--input", "grid.csv", "--out", "out", "--set", "gamma")]
    public void A_bad_option_value_exits_2_naming_the_option_and_writes_nothing(string expected, params string[] args)
    {
        using var temp = new TempFolder();
        var lines = new List<string> { "label,score,split" };
        for (var i = 0; i < 200; i++)
            lines.Add($"{(i % 10 < 2 ? 1 : 0)},{((i % 10 < 2 ? 0.6 : 0.2) + 0.001 * (i % 7)).ToString(CultureInfo.InvariantCulture)},{(i % 2 == 0 ? "validation" : "test")}");
        File.WriteAllLines(temp.File("preds.csv"), lines);
        File.WriteAllText(temp.File("grid.csv"), "logit,target\n0.5,1\n-0.5,0\n");

        var result = LossLabProcess.Run(temp.Path, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Error);
        Assert.False(Path.Exists(temp.File("out")), "nothing is written");
    }
}
