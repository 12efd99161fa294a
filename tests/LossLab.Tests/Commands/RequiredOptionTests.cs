using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// OptionAttribute.Required: the csv and image-folder datasets' path (default "") is listed as required by
/// <c>plugins</c> and <c>plugins --json</c>, and an experiment that leaves it out is refused with exit 2 naming the
/// plugin and the option, before anything is read or trained.
/// </summary>
public sealed class RequiredOptionTests
{
    [Fact]
    public void Plugins_json_and_table_mark_the_required_options()
    {
        using var temp = new TempFolder();
        var json = LossLabProcess.Run(temp.Path, "plugins", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var entries = JsonNode.Parse(json.Out)!.AsArray();
        JsonNode Option(string plugin, string option) =>
            entries.Single(e => (string?)e!["name"] == plugin)!["options"]!.AsArray().Single(o => (string?)o!["name"] == option)!;
        Assert.True((bool)Option("csv", "path")["required"]!);
        Assert.Null(Option("csv", "path")["default"]);
        Assert.True((bool)Option("image-folder", "path")["required"]!);
        Assert.True((bool)Option("image-folder", "positive_class")["required"]!);
        Assert.False((bool)Option("csv", "label_column")["required"]!);
        Assert.Equal("label", (string?)Option("csv", "label_column")["default"]);

        var table = LossLabProcess.Run(temp.Path, "plugins");
        Assert.True(table.ExitCode == 0, table.ToString());
        var dataset = table.Out[table.Out.IndexOf("dataset plugins", StringComparison.Ordinal)..];
        Assert.Matches(new Regex(@"│\s+path\s+│ string\s+│ required\s+│"), dataset);
    }

    [Fact]
    public void A_csv_dataset_without_its_path_exits_2_naming_the_plugin_and_option()
    {
        using var temp = new TempFolder();
        temp.File("e.json", """{ "dataset": { "plugin": "csv", "options": { "label_column": "y" } } }""");
        var result = LossLabProcess.Run(temp.Path, "run", "e.json", "--out", "out");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dataset 'csv': option 'path' is required", result.Error);
        Assert.False(Directory.Exists(temp.File("out")));

        var empty = LossLabProcess.Run(temp.Path, "run", "e.json", "--out", "out", "--set", "dataset.options.path=\"\"");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("option 'path' is required", empty.Error);
    }
}
