using System.Globalization;
using CsvHelper;
using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>metrics.csv (tidy) and history.csv, read back with CsvHelper by their documented columns and checked against the results they came from.</summary>
public class MetricsCsvTests
{
    [Fact]
    public void Metrics_are_tidy_rows_of_every_split_threshold_and_run_and_a_failed_run_keeps_its_status()
    {
        var (results, _) = ExperimentFixture.WithFailedRun();
        var path = ReportOutput.PathFor("metrics.csv");

        MetricsCsv.Write(results, path);

        var (header, rows) = Read(path);
        Assert.Equal(["loss", "seed", "split", "threshold_name", "metric", "value"], header);
        string Value(string loss, int seed, string split, string threshold, string metric) =>
            rows.Single(r => r["loss"] == loss && r["seed"] == seed.ToString(CultureInfo.InvariantCulture) && r["split"] == split
                && r["threshold_name"] == threshold && r["metric"] == metric)["value"];
        double Number(string loss, int seed, string split, string threshold, string metric) =>
            double.Parse(Value(loss, seed, split, threshold, metric), CultureInfo.InvariantCulture);

        var bce1 = results.Runs.Single(r => r.Loss == "bce" && r.Seed == 1);
        Assert.Equal(bce1.Test!.RocAuc, Number("bce", 1, "test", "", "roc_auc"));
        Assert.Equal(bce1.Validation!.AveragePrecision, Number("bce", 1, "validation", "", "average_precision"));
        Assert.Equal(bce1.Test.Ece, Number("bce", 1, "test", "", "ece"));
        Assert.Equal(bce1.Test.F1, Number("bce", 1, "test", "0.5", "f1"));
        Assert.Equal(0.5, Number("bce", 1, "validation", "0.5", "threshold"));
        foreach (var objective in ExperimentFixture.Objectives)
        {
            var tuned = bce1.Thresholds[objective];
            Assert.Equal(tuned.Threshold, Number("bce", 1, "test", objective, "threshold"));
            Assert.Equal(tuned.Threshold, Number("bce", 1, "validation", objective, "threshold"));
            Assert.Equal(tuned.ObjectiveValue, Number("bce", 1, "validation", objective, "objective_value"));
            Assert.Equal(tuned.Test.Recall, Number("bce", 1, "test", objective, "recall"));
            Assert.Equal(tuned.Test.Tp, Number("bce", 1, "test", objective, "tp"));
        }
        // Threshold-free metrics are written once per split, not again at each threshold.
        Assert.DoesNotContain(rows, r => r["threshold_name"] != "" && r["metric"] == "roc_auc");
        Assert.Equal(1, Number("bce", 1, "", "", "completed"));
        Assert.Equal(bce1.SelectedEpoch, (int)Number("bce", 1, "", "", "selected_epoch"));

        // The failed run: one row saying so, and no metric.
        var failed = rows.Where(r => r["loss"] == ExperimentFixture.FailedLoss && r["seed"] == ExperimentFixture.FailedSeed.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("0", Assert.Single(failed)["value"]);
        Assert.Equal("completed", failed[0]["metric"]);

        // 5 completed runs × (completed, selected_epoch; validation: 8 threshold-free + 12 at 0.5 + 3 per objective;
        // test: 8 threshold-free + 12 at 0.5 + 12 per objective) + the failed run's row.
        var objectives = ExperimentFixture.Objectives.Length;
        Assert.Equal(5 * (2 + 8 + 12 + 3 * objectives + 8 + 12 + 12 * objectives) + 1, rows.Count);
    }

    [Fact]
    public void Temperature_scaling_adds_the_temperature_and_the_scaled_ece_beside_the_ece_before()
    {
        var (results, _) = ExperimentFixture.Build();
        var run = results.Runs[0];
        var calibration = new CalibrationResult { Method = "temperature", Temperature = 1.7, TestEceBefore = run.Test!.Ece, TestEceAfter = 0.0123 };
        results = results with { Runs = [run with { Calibration = calibration }, .. results.Runs.Skip(1)] };
        var path = ReportOutput.PathFor("metrics-temperature.csv");

        MetricsCsv.Write(results, path);

        var mine = Read(path).Rows.Where(r => r["loss"] == run.Loss && r["seed"] == run.Seed.ToString(CultureInfo.InvariantCulture)
            && r["split"] == "test" && r["threshold_name"] == "").ToDictionary(r => r["metric"], r => double.Parse(r["value"], CultureInfo.InvariantCulture));
        Assert.Equal(1.7, mine["temperature"]);
        Assert.Equal(0.0123, mine["ece_temperature_scaled"]);
        Assert.Equal(calibration.TestEceBefore, mine["ece"]);
        Assert.Contains("## Temperature scaling", SummaryMarkdown.Build(results));
        Assert.Contains("| 1.700 |", SummaryMarkdown.Build(results));
        Assert.DoesNotContain("Temperature scaling", SummaryMarkdown.Build(ExperimentFixture.Build().Results));
    }

    [Fact]
    public void History_has_one_row_per_run_and_epoch_with_the_recorded_curves()
    {
        var (results, _) = ExperimentFixture.WithFailedRun();
        var path = ReportOutput.PathFor("history.csv");

        HistoryCsv.Write(results, path);

        var (header, rows) = Read(path);
        Assert.Equal(["loss", "seed", "epoch", "train_loss", "validation_loss", "validation_bce", "validation_roc_auc", "validation_ap"], header);
        Assert.Equal(results.Runs.Sum(r => r.Epochs.Count), rows.Count);
        foreach (var run in results.Runs)
        {
            var mine = rows.Where(r => r["loss"] == run.Loss && r["seed"] == run.Seed.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(run.Epochs.Select(e => e.Epoch.ToString(CultureInfo.InvariantCulture)), mine.Select(r => r["epoch"]));
            for (var i = 0; i < mine.Count; i++)
            {
                Assert.Equal(run.Epochs[i].TrainLoss, double.Parse(mine[i]["train_loss"], CultureInfo.InvariantCulture));
                Assert.Equal(run.Epochs[i].ValidationRocAuc, double.Parse(mine[i]["validation_roc_auc"], CultureInfo.InvariantCulture));
                Assert.Equal(run.Epochs[i].ValidationBce, double.Parse(mine[i]["validation_bce"], CultureInfo.InvariantCulture));
                Assert.Equal(run.Epochs[i].ValidationAp is null ? "" : "?", mine[i]["validation_ap"] == "" ? "" : "?");
            }
        }
        // The failed run's NaN at its fourth epoch is written as NaN, not left empty.
        Assert.Contains(rows, r => r["loss"] == ExperimentFixture.FailedLoss && r["epoch"] == "4" && r["train_loss"] == "NaN");
    }

    private static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { HasHeader = true });
        string[] header = [.. csv.Headers];
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v));
        return (header, rows);
    }
}
