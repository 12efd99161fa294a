using Xunit;
using System.Text.Json.Nodes;
using LossLab.Reports.Data;

namespace LossLab.Reports.Tests.Reports;

public sealed class OptionFormatTests
{
    [Fact]
    public void Options_read_as_an_experiment_file_writes_them_with_empty_strings_visible()
    {
        var options = new JsonObject { ["path"] = "", ["hidden"] = new JsonArray(16, 8), ["gamma"] = 2.0, ["alpha"] = 0.25, ["weight"] = null, ["name"] = "x" };
        Assert.Equal("alpha=0.25, gamma=2, hidden=[16, 8], name=x, path=\"\", weight=null", Format.Options(options));
        Assert.Equal("defaults", Format.Options([]));
    }
}
