using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using LossLab.Tests.Predict;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

/// <summary>
/// The files of a results folder load anywhere: one CLI run on a CSV with an id column, then every CSV read back with
/// CsvHelper by its documented columns and checked against results.json and the data, and results.json,
/// its experiment and decision-boundaries.json validated against the published schemas.
/// </summary>
public sealed class OutputFilesTests(OutputFilesTests.CsvRun run) : IClassFixture<OutputFilesTests.CsvRun>
{
    /// <summary>
    /// 700 rows, ids "p1000".."p1699" in a shuffled order, 2 features, about 12 % positives subsampled to 1:20,
    /// temperature scaling and early stopping on validation AP (so history.csv has that column filled).
    /// </summary>
    public sealed class CsvRun : IDisposable
    {
        internal TempFolder Temp { get; } = new();
        internal LossLabProcess.Result Process { get; }
        public Dictionary<string, (int Row, int Label)> Data { get; } = [];
        public string Out => Temp.File("out");

        public CsvRun()
        {
            var random = new Random(7);
            var ids = Enumerable.Range(1000, 700).OrderBy(_ => random.Next()).ToArray();
            var lines = new List<string> { "a,key,b,label" };
            for (var row = 0; row < ids.Length; row++)
            {
                var label = random.NextDouble() < 0.12 ? 1 : 0;
                double a = random.NextDouble() + label, b = random.NextDouble() - 0.5 * label;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a:R},p{ids[row]},{b:R},{label}"));
                Data[$"p{ids[row]}"] = (row + 1, label);
            }
            File.WriteAllLines(Temp.File("data.csv"), lines);
            File.WriteAllText(Temp.File("experiment.json"), """
            {
              "name": "ids",
              "dataset": { "plugin": "csv", "options": { "path": "data.csv", "id_column": "key" } },
              "imbalance": { "minority_class": 1, "ratio": 20 },
              "split": { "validation": 0.25, "test": 0.3 },
              "model": { "plugin": "mlp", "options": { "hidden": [4] } },
              "losses": ["bce", { "name": "focal-g2", "plugin": "focal", "options": { "alpha": 0.25, "gamma": 2 } }],
              "seeds": [1, 2],
              "training": { "epochs": 6, "batch_size": 0, "select_epoch": "best", "early_stopping": { "monitor": "validation_ap", "patience": 50 } },
              "thresholds": ["max_f1", "recall>=0.9"],
              "calibrate": "temperature",
              "bootstrap": { "resamples": 20 }
            }
            """);
            Process = LossLabProcess.Run(Temp.Path, "run", "experiment.json", "--out", "out", "--no-report");
        }

        public void Dispose() => Temp.Dispose();
    }

    private ExperimentResults Results => ResultsFolder.Load(run.Out, requirePredictions: true).Results;

    [Fact]
    public void Predictions_carry_the_dataset_id_and_join_back_to_the_data_rows()
    {
        Assert.True(run.Process.ExitCode == 0, run.Process.ToString());
        var (header, rows) = PredictCsv.Read(Path.Combine(run.Out, "predictions.csv"));
        Assert.Equal(["split", "seed", "loss", "id", "label", "score"], header);
        Assert.All(rows, r => Assert.Equal(run.Data[r["id"]].Label.ToString(CultureInfo.InvariantCulture), r["label"]));

        var results = Results;
        foreach (var r in results.Runs)
        {
            var mine = rows.Where(p => p["loss"] == r.Loss && p["seed"] == r.Seed.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(r.PredictionRows, mine.Count);
            var validation = mine.Where(p => p["split"] == "validation").Select(p => p["id"]).ToList();
            var test = mine.Where(p => p["split"] == "test").Select(p => p["id"]).ToList();
            Assert.Equal(r.Test!.N, test.Count);
            Assert.Equal(r.Test.Positives, mine.Count(p => p["split"] == "test" && p["label"] == "1"));
            Assert.Equal(validation.Count, validation.Distinct().Count());
            Assert.Equal(test.Count, test.Distinct().Count());
            Assert.Empty(validation.Intersect(test));
            // Every loss of a seed scores the same rows, in the same order.
            var first = rows.Where(p => p["loss"] == results.Runs[0].Loss && p["seed"] == r.Seed.ToString(CultureInfo.InvariantCulture)).Select(p => p["id"]);
            Assert.Equal(first, mine.Select(p => p["id"]));
        }
        // The imbalance stage dropped positives: fewer rows than the file, and only ids the file has.
        Assert.True(rows.Select(r => r["id"]).Distinct().Count() < run.Data.Count);
    }

    [Fact]
    public void Metrics_csv_is_tidy_and_holds_the_numbers_of_results_json()
    {
        Assert.True(run.Process.ExitCode == 0, run.Process.ToString());
        var (header, rows) = PredictCsv.Read(Path.Combine(run.Out, "metrics.csv"));
        Assert.Equal(["loss", "seed", "split", "threshold_name", "metric", "value"], header);
        foreach (var r in Results.Runs)
        {
            double Value(string split, string threshold, string metric) => double.Parse(rows.Single(x => x["loss"] == r.Loss && x["seed"] == r.Seed.ToString(CultureInfo.InvariantCulture)
                && x["split"] == split && x["threshold_name"] == threshold && x["metric"] == metric)["value"], CultureInfo.InvariantCulture);
            Assert.Equal(r.Test!.RocAuc, Value("test", "", "roc_auc"));
            Assert.Equal(r.Test.AveragePrecision, Value("test", "", "average_precision"));
            Assert.Equal(r.Validation!.RocAuc, Value("validation", "", "roc_auc"));
            Assert.Equal(r.Test.F1, Value("test", "0.5", "f1"));
            Assert.Equal(r.Validation.Recall, Value("validation", "0.5", "recall"));
            Assert.Equal(r.Thresholds["max_f1"].Threshold, Value("test", "max_f1", "threshold"));
            Assert.Equal(r.Thresholds["max_f1"].Test.F1, Value("test", "max_f1", "f1"));
            Assert.Equal(r.Thresholds["recall>=0.9"].ObjectiveValue, Value("validation", "recall>=0.9", "objective_value"));
            // Temperature scaling's before and after, beside each other.
            Assert.Equal(r.Calibration!.TestEceBefore, Value("test", "", "ece"));
            Assert.Equal(r.Calibration.TestEceAfter, Value("test", "", "ece_temperature_scaled"));
            Assert.Equal(r.Calibration.Temperature, Value("test", "", "temperature"));
            Assert.Equal(r.SelectedEpoch, (int)Value("", "", "selected_epoch"));
        }
        var summary = File.ReadAllText(Path.Combine(run.Out, "summary.md"));
        Assert.Contains("## Temperature scaling", summary);
        Assert.Contains(Results.Runs[0].Calibration!.TestEceAfter.ToString("F3", CultureInfo.InvariantCulture), summary);
    }

    [Fact]
    public void History_csv_has_every_epoch_of_every_run_as_results_json_records_it()
    {
        Assert.True(run.Process.ExitCode == 0, run.Process.ToString());
        var (header, rows) = PredictCsv.Read(Path.Combine(run.Out, "history.csv"));
        Assert.Equal(["loss", "seed", "epoch", "train_loss", "validation_loss", "validation_bce", "validation_roc_auc", "validation_ap"], header);
        var results = Results;
        Assert.Equal(results.Runs.Sum(r => r.Epochs.Count), rows.Count);
        foreach (var r in results.Runs)
        {
            var mine = rows.Where(x => x["loss"] == r.Loss && x["seed"] == r.Seed.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(r.Epochs.Count, mine.Count);
            foreach (var (e, x) in r.Epochs.Zip(mine))
            {
                Assert.Equal(e.Epoch, int.Parse(x["epoch"], CultureInfo.InvariantCulture));
                Assert.Equal(e.TrainLoss, double.Parse(x["train_loss"], CultureInfo.InvariantCulture));
                Assert.Equal(e.ValidationLoss, double.Parse(x["validation_loss"], CultureInfo.InvariantCulture));
                Assert.Equal(e.ValidationBce, double.Parse(x["validation_bce"], CultureInfo.InvariantCulture));
                Assert.Equal(e.ValidationRocAuc, double.Parse(x["validation_roc_auc"], CultureInfo.InvariantCulture));
                Assert.Equal(e.ValidationAp!.Value, double.Parse(x["validation_ap"], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Results_json_its_experiment_and_the_decision_boundaries_are_valid_against_the_published_schemas()
    {
        Assert.True(run.Process.ExitCode == 0, run.Process.ToString());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Out, "results.json")))!;
        Assert.Empty(Schemas.Problems(Schemas.ResultsNode(), json));
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), json["experiment"]));
        var boundaries = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Out, DecisionBoundaryFile.Name)));
        Assert.Empty(Schemas.Problems(Schemas.DecisionBoundaries(), boundaries));

        // The grids live beside results.json, which records their SHA-256; ResultsFolder reads them back.
        Assert.Null(json["decision_boundaries"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)json["decision_boundaries_sha256"]!);
        Assert.Equal(2, Results.DecisionBoundaries.Count);
        // A schema that says something: a wrong type is caught.
        json["runs"]![0]!["seed"] = "one";
        Assert.NotEmpty(Schemas.Problems(Schemas.ResultsNode(), json));
    }

    [Fact]
    public void The_schema_declares_every_key_results_json_holds()
    {
        Assert.True(run.Process.ExitCode == 0, run.Process.ToString());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Out, "results.json")))!;
        var strict = Schemas.Strict(Schemas.ResultsNode());
        Assert.Empty(Schemas.Problems(strict, json));
    }

    [Fact]
    public void A_duplicated_id_exits_2_naming_the_file_and_the_column_before_training()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("dup.csv"), "key,a,label\nx,1,0\ny,2,1\nz,3,0\nx,4,1\n");
        var result = LossLabProcess.Run(temp.Path, "run", "--out", "out", "--set", "dataset.plugin=csv", "--set", "dataset.options={\"path\":\"dup.csv\",\"id_column\":\"key\"}");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("dup.csv", result.Error);
        Assert.Contains("column 'key'", result.Error);
        Assert.Contains("'x'", result.Error);
    }
}
