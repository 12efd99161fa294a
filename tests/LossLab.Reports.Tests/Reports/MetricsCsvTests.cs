using System.Globalization;
using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

public class MetricsCsvTests
{
    [Fact]
    public void One_row_per_run_and_threshold_with_every_metric()
    {
        var (results, _) = ExperimentFixture.WithFailedRun();
        var path = ReportOutput.PathFor("metrics.csv");

        MetricsCsv.Write(results, path);

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.Equal(["loss", "seed", "status", "threshold_objective", "threshold"], header[..5]);
        Assert.Contains("roc_auc", header);
        Assert.Contains("f1", header);
        Assert.Single(header, h => h == "threshold");

        // 5 completed runs × (0.5 + each tuned objective) + 1 failed run kept with its status.
        Assert.Equal(5 * (1 + ExperimentFixture.Objectives.Length) + 1, lines.Length - 1);
        var failed = lines.Single(l => l.Contains(",failed,"));
        Assert.StartsWith("focal-g2,2,failed,0.5,0.5,", failed);

        var bce1 = results.Runs.Single(r => r.Loss == "bce" && r.Seed == 1);
        var row = lines.Single(l => l.StartsWith("bce,1,completed,0.5,")).Split(',');
        var auc = double.Parse(row[Array.IndexOf(header, "roc_auc")], CultureInfo.InvariantCulture);
        Assert.Equal(bce1.Test!.RocAuc, auc);
        var tuned = lines.Single(l => l.StartsWith("bce,1,completed,max_f1,")).Split(',');
        Assert.Equal(bce1.Thresholds["max_f1"].Threshold, double.Parse(tuned[4], CultureInfo.InvariantCulture));
        Assert.Equal(RunStatus.Completed, row[2]);
    }
}
