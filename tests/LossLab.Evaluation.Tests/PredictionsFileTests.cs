using LossLab.Evaluation.Results;
using LossLab.Evaluation.Tests.Reference;
using Xunit;

namespace LossLab.Evaluation.Tests;

public class PredictionsFileTests
{
    [Fact]
    public void WriteThenRead_GivesBackTheSameRows_BitForBit()
    {
        using var folder = new TempFolder();
        string path = folder.File("predictions.csv");
        Prediction[] rows =
        [
            new("validation", 0, "bce", 1, 0.1 + 0.2, "17"),
            new("test", 1, "focal, γ=2", 0, 1e-300, "scans/a, b.png"),
            new("test", -3, "say \"hi\"", 1, 1 - 1e-16),
            new("test", 2, "-weighted", 0, 0.0),
            new("test", 2, "=sum", 1, 1.0 / 3.0),
        ];
        PredictionsFile.Write(path, rows);
        var read = PredictionsFile.Read(path);
        Assert.Equal(rows, read);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.1 + 0.2), BitConverter.DoubleToInt64Bits(read[0].Score));
        Assert.StartsWith("split,seed,loss,id,label,score\n", File.ReadAllText(path));
    }

    [Fact]
    public void Rows_formatted_once_per_run_write_the_same_bytes_as_the_rows_written_at_once()
    {
        using var folder = new TempFolder();
        Prediction[] first =
        [
            new("validation", 0, "bce", 1, 0.1 + 0.2, "17"),
            new("test", 1, "focal, γ=2", 0, 1e-300, "scans/a, b.png"),
            new("test", -3, "say \"hi\"", 1, 1 - 1e-16, "line\nbreak"),
        ];
        Prediction[] second =
        [
            new("test", 2, "-weighted", 0, 0.0, "ü-ß"),
            new("test", 2, "=sum", 1, 1.0 / 3.0),
            new("test", 2, "=sum", 0, -0.0, "+1"),
        ];
        PredictionsFile.Write(folder.File("whole.csv"), [.. first, .. second]);
        PredictionsFile.Write(folder.File("runs.csv"), [PredictionsFile.Format(first), PredictionsFile.Format(second)]);
        Assert.Equal(File.ReadAllBytes(folder.File("whole.csv")), File.ReadAllBytes(folder.File("runs.csv")));
        PredictionsFile.Write(folder.File("empty.csv"), Array.Empty<byte[]>());
        PredictionsFile.Write(folder.File("empty-rows.csv"), Array.Empty<Prediction>());
        Assert.Equal(File.ReadAllBytes(folder.File("empty-rows.csv")), File.ReadAllBytes(folder.File("empty.csv")));
        Assert.Throws<ArgumentException>(() => PredictionsFile.Format([new Prediction("test", 0, "bce", 2, 0.5)]));
    }

    [Fact]
    public void A_file_written_before_ids_reads_with_empty_ids_and_keeps_its_digest()
    {
        using var folder = new TempFolder();
        string path = folder.File("old.csv", "split,seed,loss,label,score\ntest,1,bce,1,0.25\n");
        var read = Assert.Single(PredictionsFile.Read(path));
        Assert.Equal(new Prediction("test", 1, "bce", 1, 0.25), read);
        // The digest of an id-less row is the SHA-256 of the line as results.json recorded it before ids existed.
        var line = System.Text.Encoding.UTF8.GetBytes("test,1,bce,1,0.25\n");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(line)), PredictionDigest.Of([read]).Sha256);
        var withId = System.Text.Encoding.UTF8.GetBytes("test,1,bce,row-9,1,0.25\n");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(withId)), PredictionDigest.Of([read with { Id = "row-9" }]).Sha256);
    }

    [Fact]
    public void Write_ReplacesAnExistingFile_AndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("predictions.csv", "old contents");
        PredictionsFile.Write(path, [new Prediction("test", 0, "bce", 1, 0.5)]);
        Assert.Single(PredictionsFile.Read(path));
        Assert.Equal(["predictions.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_BadRow_ThrowsAndKeepsTheOldFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("predictions.csv", "old contents");
        Assert.Throws<ArgumentException>(() => PredictionsFile.Write(path, [new Prediction("test", 0, "bce", 2, 0.5)]));
        Assert.Equal("old contents", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Read_BadValue_NamesFileRowAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.File("p.csv", "split,seed,loss,label,score\ntest,0,bce,1,0.5\ntest,x,bce,1,0.5\n");
        var e = Assert.Throws<InvalidInputException>(() => PredictionsFile.Read(path));
        Assert.Contains("p.csv", e.Message);
        Assert.Contains("data row 2", e.Message);
        Assert.Contains("'seed'", e.Message);
    }

    [Fact]
    public void Read_MissingColumn_ListsColumnsFound()
    {
        using var folder = new TempFolder();
        string path = folder.File("p.csv", "split,seed,loss,label\ntest,0,bce,1\n");
        var e = Assert.Throws<InvalidInputException>(() => PredictionsFile.Read(path));
        Assert.Contains("'score'", e.Message);
        Assert.Contains("'split', 'seed', 'loss', 'label'", e.Message);
    }
}
