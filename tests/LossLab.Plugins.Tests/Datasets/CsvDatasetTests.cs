using LossLab.Abstractions;
using LossLab.Plugins.Datasets;
using Xunit;

namespace LossLab.Plugins.Tests.Datasets;

public sealed class CsvDatasetTests : IDisposable
{
    private readonly DatasetFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dataset Load(string text, CsvDataset? plugin = null)
    {
        _folder.File("data.csv", text);
        plugin ??= new CsvDataset();
        plugin.Path = "data.csv";
        Assert.Empty(plugin.Validate());
        return plugin.Load(_folder.Context());
    }

    private PluginInputException Fails(string text, CsvDataset? plugin = null)
    {
        var e = Assert.Throws<PluginInputException>(() => Load(text, plugin));
        Assert.Contains(System.IO.Path.Combine(_folder.Path, "data.csv"), e.Message);
        return e;
    }

    [Fact]
    public void Reads_numeric_features_and_the_label_relative_to_the_base_folder()
    {
        var data = Load("a,b,label\n1,2.5,0\n-3,4e-1,1\n5,6,0\n");
        Assert.Equal([1f, 2.5f, -3f, 0.4f, 5f, 6f], data.Features);
        Assert.Equal([0, 1, 0], data.Labels);
        Assert.Equal([2], data.Info.InputShape);
        Assert.Equal(["a", "b"], data.Info.FeatureNames);
        Assert.Equal(["0", "1"], data.Info.ClassNames);
        Assert.EndsWith("data.csv", data.Info.Source);
    }

    [Fact]
    public void Quoted_fields_may_hold_delimiters_quotes_and_line_breaks_and_text_columns_are_skipped_with_a_warning()
    {
        var data = Load("\"id\",\"x, y\",\"label\"\n\"a,1\",\"1.5\",\"1\"\n\"b \"\"q\"\"\nc\",2,\"0\"\n");
        Assert.Equal([1.5f, 2f], data.Features);
        Assert.Equal([1, 0], data.Labels);
        Assert.Equal(["x, y"], data.Info.FeatureNames);
        Assert.Contains(_folder.Warnings, w => w.Contains("'id'"));
    }

    [Fact]
    public void A_missing_cell_names_data_row_file_line_and_column()
    {
        var e = Fails("a,b,label\n1,2,0\n3,,1\n");
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("file line 3", e.Message);
        Assert.Contains("column 'b'", e.Message);
    }

    [Fact]
    public void File_lines_count_line_breaks_inside_quotes()
    {
        var e = Fails("name,a,label\n\"multi\nline\",1,0\nz,x1,1\n");
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("file line 4", e.Message);
        Assert.Contains("column 'a'", e.Message);
        Assert.Contains("'x1'", e.Message);
    }

    [Fact]
    public void A_short_row_is_reported()
    {
        var e = Fails("a,b,label\n1,2,0\n3,1\n");
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("2 fields", e.Message);
    }

    [Fact]
    public void A_label_column_with_a_single_class_is_rejected()
    {
        var e = Fails("a,label\n1,0\n2,0\n");
        Assert.Contains("'label'", e.Message);
        Assert.Contains("negative", e.Message);
    }

    [Fact]
    public void An_unknown_label_column_lists_the_columns()
    {
        var e = Fails("a,b,Class\n1,2,0\n", new CsvDataset { LabelColumn = "target" });
        Assert.Contains("'target'", e.Message);
        Assert.Contains("'a', 'b', 'Class'", e.Message);
    }

    [Fact]
    public void An_unknown_feature_column_is_rejected() =>
        Assert.Contains("'c'", Fails("a,b,label\n1,2,0\n3,4,1\n", new CsvDataset { FeatureColumns = "a,c" }).Message);

    [Fact]
    public void Feature_columns_pick_a_subset_in_the_given_order()
    {
        var data = Load("a,b,c,label\n1,2,3,0\n4,5,6,1\n", new CsvDataset { FeatureColumns = " c , a" });
        Assert.Equal(["c", "a"], data.Info.FeatureNames);
        Assert.Equal([3f, 1f, 6f, 4f], data.Features);
    }

    [Theory]
    [InlineData(";", ";")]
    [InlineData("\\t", "\t")]
    [InlineData("|", "|")]
    public void Custom_delimiters_work(string option, string separator)
    {
        var data = Load(string.Join('\n', "x" + separator + "y" + separator + "label", "1,5" + separator + "2" + separator + "1", "3" + separator + "4" + separator + "0"),
            new CsvDataset { Delimiter = option, FeatureColumns = "y" });
        Assert.Equal([2f, 4f], data.Features);
        Assert.Equal([1, 0], data.Labels);
    }

    [Fact]
    public void Positive_label_matches_text_or_equal_numbers_and_names_the_classes()
    {
        var text = Load("x,diagnosis\n1,benign\n2,malignant\n3,benign\n", new CsvDataset { LabelColumn = "diagnosis", PositiveLabel = "malignant" });
        Assert.Equal([0, 1, 0], text.Labels);
        Assert.Equal(["benign", "malignant"], text.Info.ClassNames);

        var numbers = Load("x,label\n1,1.0\n2,0\n3,0\n");
        Assert.Equal([1, 0, 0], numbers.Labels);
        Assert.Equal(["0", "1"], numbers.Info.ClassNames);
    }

    /// <summary>Issue 17: labels 0/1/2 used to count 2 as negative; a third class is an error naming its row.</summary>
    [Fact]
    public void A_third_label_value_is_an_error_naming_the_row_and_value()
    {
        var e = Fails("x,label\n1,1\n2,0\n3,2\n");
        Assert.Contains("data row 3", e.Message);
        Assert.Contains("third label '2'", e.Message);
        var named = Assert.Throws<PluginInputException>(() => Load("x,y\n1,yes\n2,no\n3,maybe\n", new CsvDataset { LabelColumn = "y", PositiveLabel = "yes", NegativeLabel = "no" }));
        Assert.Contains("'maybe', which is neither positive_label 'yes' nor negative_label 'no'", named.Message);
    }

    [Fact]
    public void A_non_numeric_cell_in_a_numeric_column_is_rejected() =>
        Assert.Contains("'NaN'", Fails("a,label\n1,0\nNaN,1\n").Message);

    [Fact]
    public void Options_are_checked()
    {
        Assert.Contains(new CsvDataset().Validate(), m => m.Contains("path"));
        Assert.NotEmpty(new CsvDataset { Path = "x.csv", Delimiter = ";;" }.Validate());
        Assert.Contains("not found", Assert.Throws<PluginInputException>(() => new CsvDataset { Path = "missing.csv" }.Load(_folder.Context())).Message);
    }
}
