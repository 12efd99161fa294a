using LossLab.Abstractions;
using LossLab.Plugins.Datasets;
using Xunit;

namespace LossLab.Plugins.Tests.Datasets;

/// <summary>id_column: the ids predictions.csv joins back to the data by.</summary>
public sealed class CsvIdColumnTests : IDisposable
{
    private readonly DatasetFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dataset Load(string text, string idColumn, string features = "")
    {
        _folder.File("data.csv", text);
        var plugin = new CsvDataset { Path = "data.csv", IdColumn = idColumn, FeatureColumns = features };
        Assert.Empty(plugin.Validate());
        return plugin.Load(_folder.Context());
    }

    [Fact]
    public void The_id_column_gives_each_row_its_id_and_is_not_a_feature_even_when_numeric()
    {
        var data = Load("patient,a,label\n1001,0.5,0\n1002,1.5,1\n0042,2.5,0\n", "patient");
        Assert.Equal(["1001", "1002", "0042"], data.RowIds);
        Assert.Equal(["a"], data.Info.FeatureNames);
        Assert.Equal([0.5f, 1.5f, 2.5f], data.Features);
        Assert.Empty(_folder.Warnings);
    }

    [Fact]
    public void Without_an_id_column_the_plugin_leaves_ids_to_the_host()
    {
        var data = Load("a,label\n1,0\n2,1\n", "");
        Assert.Null(data.RowIds);
    }

    [Fact]
    public void A_duplicated_id_names_the_file_the_column_the_id_and_both_rows()
    {
        var e = Assert.Throws<PluginInputException>(() => Load("id,a,label\nx,1,0\ny,2,1\nx,3,0\n", "id"));
        Assert.Contains(Path.Combine(_folder.Path, "data.csv"), e.Message);
        Assert.Contains("column 'id'", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Contains("rows 1 and 3", e.Message);
    }

    [Fact]
    public void A_missing_id_column_or_an_empty_id_is_an_error_naming_it()
    {
        var missing = Assert.Throws<PluginInputException>(() => Load("a,label\n1,0\n2,1\n", "key"));
        Assert.Contains("no column 'key'", missing.Message);
        Assert.Contains("data.csv", missing.Message);
        var empty = Assert.Throws<PluginInputException>(() => Load("id,a,label\nx,1,0\n,2,1\n", "id"));
        Assert.Contains("data row 2", empty.Message);
        Assert.Contains("column 'id'", empty.Message);
    }

    [Fact]
    public void Naming_the_id_column_as_a_feature_or_as_the_label_is_an_error()
    {
        Assert.Contains("feature_columns includes the id column", Assert.Throws<PluginInputException>(() => Load("id,a,label\n1,1,0\n2,2,1\n", "id", "id,a")).Message);
        Assert.Contains("same column", Assert.Throws<PluginInputException>(() => Load("id,a,label\n1,1,0\n2,2,1\n", "label")).Message);
    }
}
