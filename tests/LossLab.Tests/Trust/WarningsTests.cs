using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Trust;

/// <summary>Issue 17, part 2: the user's run with the old training is flagged everywhere, and its findings do not rank broken models.</summary>
public sealed class WarningsTests
{
    [Fact]
    public void The_old_training_on_the_users_csv_is_flagged_in_results_summary_and_terminal()
    {
        using var temp = new TempFolder();
        temp.File("user.csv", UserCsv.Text());
        temp.File("user.json", UserCsv.OnlyDataset);
        var run = LossLabProcess.Run(temp.Path, ["run", "user.json", "--out", "out", "--no-report", "--set", "seeds=[1]", "--set", "bootstrap.resamples=200", .. UserCsv.OldDefaults]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        var below = results.Runs.Where(r => r.Test!.RocAuc < 0.5).ToList();
        Assert.NotEmpty(below);
        foreach (var r in below)
            Assert.Contains(results.Warnings, w => w.Code == WarningCodes.WorseThanChance && w.Loss == r.Loss && w.Seed == r.Seed);
        Assert.Contains(results.Warnings, w => w.Code == WarningCodes.ValidationPeakedEarly);
        Assert.Contains("worse_than_chance", run.Out + run.Error);

        var summary = File.ReadAllText(temp.File("out/summary.md"));
        Assert.True(summary.IndexOf("## Warnings", StringComparison.Ordinal) < summary.IndexOf("## Setup", StringComparison.Ordinal));
        foreach (var r in below)
        {
            Assert.DoesNotContain($"- {r.Loss} ranks best", summary);
            Assert.Contains($"{r.Loss} (ROC-AUC", summary.Split("## Findings")[1]);
        }
    }
}
