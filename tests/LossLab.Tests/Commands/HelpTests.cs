using System.Text.RegularExpressions;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>The CLI's help as a person meets it: bare command, each verb's help, typos, the plugins listing.</summary>
public sealed partial class HelpTests
{
    public static TheoryData<string> Verbs => ["plugins", "run", "report", "review", "merge", "loss eval"];

    [Fact]
    public void Losslab_alone_prints_the_help_with_every_verb_and_exits_0()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "plugins", "run", "report", "review", "merge", "loss", "Usage:", "Examples:", "Exit codes:" })
            Assert.Contains(verb, result.Out);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verbs_help_has_a_usage_example_the_exit_codes_and_named_placeholders(string verb)
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, [.. verb.Split(' '), "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var examples = result.Out[result.Out.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.Contains($"  losslab {verb}", examples);
        foreach (var code in new[] { "0  success", "1  a run failed", "2  bad usage", "3  an acceptance gate failed" })
            Assert.Contains(code, result.Out);
        // A placeholder that only repeats the option's name ("--gates <gates>") says nothing about what goes there.
        Assert.Empty(OptionNamedPlaceholder().Matches(result.Out).Select(m => m.Value));
        var synopses = result.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('-') || l.StartsWith('<') || l.StartsWith("losslab ", StringComparison.Ordinal))
            .Select(l => l.Split("  ")[0]);
        Assert.All(synopses, synopsis => Assert.DoesNotMatch(@"<[a-z][a-z-]*>", synopsis));
    }

    [Fact]
    public void Review_help_names_what_goes_in_each_placeholder()
    {
        using var temp = new TempFolder();
        var help = LossLabProcess.Run(temp.Path, "review", "--help").Out;
        foreach (var placeholder in new[] { "<PREDICTIONS.csv>", "--prevalence <PI>", "--gates <GATES.json>", "--out <DIR>", "--model <FILE|DIR>" })
            Assert.Contains(placeholder, help);
    }

    [Theory]
    [InlineData("rnu", "'run'")]
    [InlineData("reviw scores.csv", "'review'")]
    [InlineData("run --quite", "'--quiet'")]
    [InlineData("report results.json --ot x.pdf", "'--out'")]
    [InlineData("loss evl", "'eval'")]
    public void An_unknown_command_or_option_exits_2_and_suggests_the_nearest(string line, string suggestion)
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, line.Split(' '));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Did you mean {suggestion}?", result.Error);
    }

    [Fact]
    public void Plugins_lists_each_options_type_default_range_and_description_and_the_sources_under_the_table()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("mine");
        PluginCompiler.Compile("NeedsPath", """
            using LossLab.Abstractions; using static TorchSharp.torch;
            public sealed class NeedsPath : LossPlugin {
                public override string Name => "needs-path";
                public override string Description => "a loss with a required option";
                [Option("Table of weights; the experiment must give it.")] public string Path { get; set; } = null!;
                public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => logits * logits;
            }
            """, folder);
        var result = LossLabProcess.Run(temp.Path, "plugins", "--plugins", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n');
        var gamma = lines.First(l => l.Contains(" gamma ", StringComparison.Ordinal) && l.Contains("│"));
        Assert.Matches(@"gamma\s+│ number\s+│ 2\s+│ ≥ 0\s+│ \S", gamma);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"│\s+path\s+│ string\s+│ required\s+│ any\s+│ Table of"));
        var losses = Array.FindIndex(lines, l => l.Contains("from ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("LossLab.Plugins.Losses.dll", StringComparison.Ordinal));
        Assert.True(losses > 0, result.Out);
        Assert.StartsWith("└", lines[losses - 1].Trim());
    }

    [GeneratedRegex(@"--(?<name>[a-z-]+) <\k<name>>")]
    private static partial Regex OptionNamedPlaceholder();
}
