using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class PredictionTableReaderTests
{
    [Fact]
    public void Read_PlainFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("scores.csv", "id,label,score\na,0,0.1\nb,1,0.9\nc,1.0,0.75\nd,0.0,1\n");
        var table = PredictionTableReader.Read(path);
        Assert.Equal(path, table.Source);
        Assert.Equal([0, 1, 1, 0], table.Labels);
        Assert.Equal([0.1, 0.9, 0.75, 1.0], table.Scores);
        Assert.Null(table.Splits);
    }

    [Fact]
    public void Read_QuotedFields_CustomColumns_Split()
    {
        using var folder = new TempFolder();
        string path = folder.File("scores.csv",
            "\"note\",\"y\",\"p\",\"part\"\n"
            + "\"a, b\",0,\"0.2\",validation\n"
            + "\"two\nlines\",1,0.8,Validation\n"
            + "x,0,0.3, test \n"
            + "y,1,\"0.6\",TEST\n");
        var table = PredictionTableReader.Read(path, "y", "p", "part");
        Assert.Equal([0, 1, 0, 1], table.Labels);
        Assert.Equal([0.2, 0.8, 0.3, 0.6], table.Scores);
        Assert.Equal(["validation", "validation", "test", "test"], table.Splits!);
    }

    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        // contents, column, row, what the message says
        { "label,score\n0,0.1\n1,abc\n", "score", "data row 2", "not a number" },
        { "label,score\n0,0.1\n1,0.2\n0,NaN\n", "score", "data row 3", "not finite" },
        { "label,score\n0,0.1\n1,Infinity\n", "score", "data row 2", "not finite" },
        { "label,score\n0,0.1\n1,1.5\n", "score", "data row 2", "outside [0, 1]" },
        { "label,score\n0,0.1\n1,-0.01\n", "score", "data row 2", "outside [0, 1]" },
        { "label,score\n0,0.1\n1,\n", "score", "data row 2", "not a number" },
        { "label,score\n0,0.1\n2,0.3\n", "label", "data row 2", "not 0 or 1" },
        { "label,score\n0,0.1\nyes,0.3\n", "label", "data row 2", "not 0 or 1" },
        { "label,score\n0,0.1\n0.5,0.3\n", "label", "data row 2", "not 0 or 1" },
        { "label,score\n0,0.1\n1\n", "score", "data row 2", "none for this column" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Read_BadValue_NamesFileRowAndColumn(string contents, string column, string row, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.File("bad-values.csv", contents);
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path));
        Assert.Contains("bad-values.csv", e.Message);
        Assert.Contains(row, e.Message);
        Assert.Contains($"column '{column}'", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Read_BadValue_AlsoGivesTheLineInTheFile()
    {
        // The quoted line break makes data row 2 start on line 4.
        using var folder = new TempFolder();
        string path = folder.File("lines.csv", "note,label,score\n\"a\nb\",0,0.1\nc,1,x\n");
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path));
        Assert.Contains("data row 2 (line 4)", e.Message);
    }

    [Fact]
    public void Read_BadSplitValue_NamesFileRowAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.File("split.csv", "label,score,split\n0,0.1,validation\n1,0.9,train\n");
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path, splitColumn: "split"));
        Assert.Contains("split.csv", e.Message);
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("column 'split'", e.Message);
        Assert.Contains("'train'", e.Message);
    }

    [Theory]
    [InlineData("label,score,split\n0,0.1,validation\n1,0.9,validation\n", "'test'")]
    [InlineData("label,score,split\n0,0.1,test\n1,0.9,test\n", "'validation'")]
    [InlineData("label,score,split\n0,0.1,test\n1,0.9,test\n1,0.8,validation\n1,0.7,validation\n", "'validation' rows")]
    public void Read_SplitWithoutValidationOrTestRows_OrOneClass(string contents, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.File("split.csv", contents);
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path, splitColumn: "split"));
        Assert.Contains("split.csv", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_MissingColumn_ListsColumnsFound()
    {
        using var folder = new TempFolder();
        string path = folder.File("cols.csv", "y,prob\n0,0.1\n");
        var e = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path));
        Assert.Contains("cols.csv", e.Message);
        Assert.Contains("'label'", e.Message);
        Assert.Contains("Columns found: 'y', 'prob'", e.Message);
        var e2 = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(path, "y", "prob", "split"));
        Assert.Contains("'split'", e2.Message);
    }

    [Fact]
    public void Read_MissingFile_EmptyFile_NoRows_OneClass()
    {
        using var folder = new TempFolder();
        var missing = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(folder.File("nope.csv")));
        Assert.Contains("nope.csv", missing.Message);
        Assert.Contains("not found", missing.Message);

        var empty = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(folder.File("empty.csv", "")));
        Assert.Contains("empty.csv", empty.Message);

        var noRows = Assert.Throws<InvalidInputException>(() => PredictionTableReader.Read(folder.File("header.csv", "label,score\n")));
        Assert.Contains("header.csv", noRows.Message);
        Assert.Contains("no data rows", noRows.Message);

        var oneClass = Assert.Throws<InvalidInputException>(
            () => PredictionTableReader.Read(folder.File("one.csv", "label,score\n1,0.1\n1,0.2\n")));
        Assert.Contains("one.csv", oneClass.Message);
        Assert.Contains("column 'label'", oneClass.Message);
        Assert.Contains("only 1s", oneClass.Message);
    }
}
