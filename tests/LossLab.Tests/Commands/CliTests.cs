using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Evaluation.Results;
using LossLab.Tests.Support;

namespace LossLab.Tests.Commands;

public sealed class CliTests
{
    [Fact]
    public void Plugins_json_lists_every_standard_plugin_with_options_and_source()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "plugins", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = JsonNode.Parse(result.Out)!.AsArray();
        var focal = entries.Single(e => (string?)e!["name"] == "focal")!;
        Assert.Equal("loss", (string?)focal["kind"]);
        Assert.EndsWith("LossLab.Plugins.Losses.dll", (string?)focal["source"]);
        var gamma = focal["options"]!.AsArray().Single(o => (string?)o!["name"] == "gamma")!;
        Assert.Equal(("number", 2.0), ((string?)gamma["type"], (double)gamma["default"]!));
        Assert.False(string.IsNullOrEmpty((string?)gamma["description"]));
        Assert.Equal(13, entries.Count(e => (string?)e!["kind"] is "loss" or "dataset" or "model"));
    }

    [Fact]
    public void Plugins_lists_a_third_party_folder_and_reports_its_bad_files_without_failing()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("mine");
        PluginCompiler.Compile("MyLoss", """
            using LossLab.Abstractions; using static TorchSharp.torch;
            public sealed class MyLoss : LossPlugin {
                public override string Name => "my-loss";
                public override string Description => "mine";
                [Option("scale", Min = 0)] public double Scale { get; set; } = 1;
                public override Tensor Forward(Tensor logits, Tensor targets, ClassCounts counts) => logits * logits * Scale;
            }
            """, folder);
        File.WriteAllText(Path.Combine(folder, "broken.dll"), "not an assembly");
        var result = LossLabProcess.Run(temp.Path, "plugins", "--json", "--plugins", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Contains(entries, e => (string?)e!["name"] == "my-loss" && ((string?)e["source"])!.EndsWith("MyLoss.dll"));
        Assert.Contains(entries, e => (string?)e!["kind"] == "failed" && ((string?)e["source"])!.EndsWith("broken.dll"));
        Assert.Contains("broken.dll", result.Error); // also a warning on stderr

        var table = LossLabProcess.Run(temp.Path, "plugins", "--plugins", folder);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("my-loss", table.Out);
        Assert.Contains("failed", table.Out);
    }

    [Fact]
    public void Run_with_a_bad_experiment_exits_2_listing_every_problem()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.json"), """{ "losses": [{ "plugin": "focal" }, "dice"], "training": { "epochs": -1 }, "colour": 1 }""");
        var result = LossLabProcess.Run(temp.Path, "run", "bad.json", "--set", "losses.0.options.gamma=-2");
        Assert.Equal(2, result.ExitCode);
        foreach (var fragment in new[] { "bad.json", "no loss plugin named 'dice'", "training.epochs", "colour: unknown key", "'gamma'" })
            Assert.Contains(fragment, result.Error);
        Assert.False(Directory.Exists(temp.File("runs")));
    }

    [Fact]
    public void Run_with_an_unknown_normalize_value_or_augment_on_a_table_exits_2_naming_the_option()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("images/yes"));
        File.WriteAllText(temp.File("images.json"), """
            { "dataset": { "plugin": "image-folder", "options": { "path": "images", "positive_class": "yes", "normalize": "imagenette" } }, "model": { "plugin": "cnn" } }
            """);
        var normalize = LossLabProcess.Run(temp.Path, "run", "images.json", "--out", "out");
        Assert.Equal(2, normalize.ExitCode);
        Assert.Contains("normalize", normalize.Error);
        Assert.Contains("imagenette", normalize.Error);
        var augment = LossLabProcess.Run(temp.Path, "run", "--out", "out2", "--set", "training.augment=true", "--set", "training.epochs=1");
        Assert.Equal(2, augment.ExitCode);
        Assert.Contains("training.augment", augment.Error);
    }

    [Fact]
    public void Run_trains_writes_results_and_reports_and_report_re_renders_them()
    {
        using var temp = new TempFolder();
        var result = LossLabProcess.Run(temp.Path, "run", "--out", "out", "--set", "training.epochs=3", "--set", "seeds=[1,2]",
            "--set", "dataset.options.samples=2000", "--set", "imbalance.ratio=30", "--set", "bootstrap.resamples=50");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "results.json", "predictions.csv", "decision-boundaries.json", "report.pdf", "summary.md", "metrics.csv", "history.csv" })
            Assert.True(File.Exists(temp.File(Path.Combine("out", file))), file);
        var results = ResultsJson.Deserialize<ExperimentResults>(File.ReadAllText(temp.File("out/results.json")));
        Assert.Equal(6, results.Runs.Count);
        Assert.Contains("training.epochs=3", results.CommandLine);
        Assert.Equal("cpu", results.Environment.Device);

        File.Delete(temp.File("out/report.pdf"));
        var report = LossLabProcess.Run(temp.Path, "report", "out/results.json", "--out", "again/report.pdf");
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.True(File.Exists(temp.File("again/report.pdf")));
    }

    [Fact]
    public void Loss_eval_writes_loss_and_gradient_per_row()
    {
        using var temp = new TempFolder();
        // p_t = 0.9, 0.5, 0.1 for target 1: logit = ln(p / (1 − p))
        var logits = new[] { Math.Log(9), 0, -Math.Log(9) };
        File.WriteAllText(temp.File("grid.csv"), "logit,target\n" + string.Join("\n", logits.Select(z => z.ToString("R", CultureInfo.InvariantCulture) + ",1")) + "\n");
        var result = LossLabProcess.Run(temp.Path, "loss", "eval", "focal", "--input", "grid.csv", "--out", "values.csv", "--set", "alpha=-1");
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = File.ReadAllLines(temp.File("values.csv"));
        Assert.Equal("logit,target,loss,grad", rows[0]);
        var loss = rows.Skip(1).Select(r => double.Parse(r.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.00105, loss[0], 5); // focal γ=2: (1 − p_t)² · −ln p_t
        Assert.Equal(0.173, loss[1], 3);
        Assert.Equal(1.865, loss[2], 3);
        // d/dz of −(1−p)² ln p with p = σ(z): at z = 0, p = 0.5: 2(1−p)·p(1−p)·ln p − (1−p)²(1−p) = 0.25·ln 0.5 − 0.125
        var grad = double.Parse(rows[2].Split(',')[3], CultureInfo.InvariantCulture);
        Assert.Equal(0.25 * Math.Log(0.5) - 0.125, grad, 9);
    }

    [Fact]
    public void Loss_eval_with_a_bad_csv_exits_2_naming_the_row()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("grid.csv"), "logit,target\n0.5,1\n1.5,2\n");
        var result = LossLabProcess.Run(temp.Path, "loss", "eval", "bce", "--input", "grid.csv", "--out", "v.csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("data row 2", result.Error);
        Assert.Contains("'target'", result.Error);
        File.WriteAllText(temp.File("nocol.csv"), "z,target\n0.5,1\n");
        var missing = LossLabProcess.Run(temp.Path, "loss", "eval", "bce", "--input", "nocol.csv", "--out", "v.csv");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'logit'", missing.Error);
        var unknown = LossLabProcess.Run(temp.Path, "loss", "eval", "dice", "--input", "grid.csv", "--out", "v.csv");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("available: asymmetric, bce", unknown.Error);
    }

    [Fact]
    public void Review_writes_json_and_pdf_and_flags_same_row_tuning_as_optimistic()
    {
        using var temp = new TempFolder();
        var random = new Random(5);
        var lines = new List<string> { "label,score,split" };
        for (var i = 0; i < 600; i++)
        {
            var y = i % 20 < 2 ? 1 : 0; // positives in both splits
            var score = Math.Clamp(0.1 + 0.5 * y + 0.3 * random.NextDouble() - 0.15, 0, 1);
            lines.Add($"{y},{score.ToString("R", CultureInfo.InvariantCulture)},{(i % 2 == 0 ? "validation" : "test")}");
        }
        File.WriteAllLines(temp.File("preds.csv"), lines);
        var split = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--out", "with-split", "--split-column", "split", "--bootstrap", "100");
        Assert.True(split.ExitCode == 0, split.ToString());
        var json = JsonNode.Parse(File.ReadAllText(temp.File("with-split/review.json")))!;
        Assert.False((bool)json["optimistic"]!);
        Assert.True(json["thresholds"]!["max_f1"]!["test"]!["f1"] is not null);
        Assert.True(File.Exists(temp.File("with-split/review.pdf")));
        // The result and where it is go to stdout, and --quiet keeps only that.
        Assert.Equal($"Review of 600 rows (60 positive): {temp.File("with-split/review.json")} and {temp.File("with-split/review.pdf")}", split.Out.Trim());
        var quiet = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--out", "quiet", "--split-column", "split", "--bootstrap", "100", "--quiet");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal(("", $"Review of 600 rows (60 positive): {temp.File("quiet/review.json")} and {temp.File("quiet/review.pdf")}"), (quiet.Error, quiet.Out.Trim()));

        // Without --split-column, a column named split is used (and said so); without one, tuning is on the same rows.
        var found = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--out", "found-split", "--bootstrap", "100");
        Assert.Equal(0, found.ExitCode);
        var foundJson = JsonNode.Parse(File.ReadAllText(temp.File("found-split/review.json")))!;
        Assert.False((bool)foundJson["optimistic"]!);
        Assert.Equal("found by name (no --split-column given)", (string?)foundJson["identity"]!["split_column_choice"]);
        Assert.Contains("Using the column 'split'", found.Error);
        File.WriteAllLines(temp.File("no-split.csv"), lines.Select(l => l[..l.LastIndexOf(',')]));
        var same = LossLabProcess.Run(temp.Path, "review", "no-split.csv", "--out", "no-split", "--bootstrap", "100");
        Assert.Equal(0, same.ExitCode);
        Assert.True((bool)JsonNode.Parse(File.ReadAllText(temp.File("no-split/review.json")))!["optimistic"]!);

        File.WriteAllText(temp.File("bad.csv"), "label,score\n1,0.4\n0,1.7\n");
        var bad = LossLabProcess.Run(temp.Path, "review", "bad.csv", "--out", "bad");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("data row 2", bad.Error);
        Assert.Contains("'score'", bad.Error);
    }

    [Fact]
    public void Review_with_gates_exits_0_when_all_pass_3_when_one_fails_and_2_on_a_bad_gate_before_any_work()
    {
        using var temp = new TempFolder();
        var random = new Random(9);
        var lines = new List<string> { "label,score,split" };
        for (var i = 0; i < 800; i++)
        {
            var y = i % 25 < 2 ? 1 : 0;
            var score = Math.Clamp(0.15 + 0.6 * y + 0.3 * random.NextDouble() - 0.15, 0, 1);
            lines.Add($"{y},{score.ToString("R", CultureInfo.InvariantCulture)},{(i % 2 == 0 ? "validation" : "test")}");
        }
        File.WriteAllLines(temp.File("preds.csv"), lines);
        File.WriteAllText(temp.File("model.bin"), "weights");
        File.WriteAllText(temp.File("pass.json"), """[{"metric": "roc_auc", "min": 0.8, "use": "lower_ci"}, {"metric": "recall", "at": "precision>=0.5", "min": 0.5}]""");
        File.WriteAllText(temp.File("fail.json"), """[{"metric": "roc_auc", "min": 0.8}, {"metric": "brier", "max": 0.0001}]""");
        File.WriteAllText(temp.File("bad.json"), """[{"metric": "auc", "min": 0.8}]""");

        var pass = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--split-column", "split", "--gates", "pass.json", "--prevalence", "0.002",
            "--model", "model.bin", "--bootstrap", "200", "--out", "pass");
        Assert.True(pass.ExitCode == 0, pass.ToString());
        var json = JsonNode.Parse(File.ReadAllText(temp.File("pass/review.json")))!;
        Assert.True((bool)json["gates_passed"]!);
        Assert.Equal("precision>=0.5", (string)json["shipped"]!["objective"]!);
        Assert.Equal(0.002, (double)json["deployment"]!["prevalence"]!);
        Assert.Equal(64, ((string)json["identity"]!["model_sha256"]!).Length);
        Assert.Contains("PASS roc_auc ≥ 0.8 (lower CI)", pass.Error);

        var fail = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--split-column", "split", "--gates", "fail.json", "--bootstrap", "50", "--out", "fail");
        Assert.True(fail.ExitCode == 3, fail.ToString());
        Assert.Contains("FAIL brier ≤ 0.0001", fail.Error);
        Assert.False((bool)JsonNode.Parse(File.ReadAllText(temp.File("fail/review.json")))!["gates_passed"]!);
        Assert.True(File.Exists(temp.File("fail/review.pdf")), "a failed gate still writes the review");

        var bad = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--gates", "bad.json", "--out", "bad");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.json", bad.Error);
        Assert.Contains("unknown metric 'auc'", bad.Error);
        Assert.False(Directory.Exists(temp.File("bad")), "nothing is written for a bad gates file");

        var prevalence = LossLabProcess.Run(temp.Path, "review", "preds.csv", "--prevalence", "2", "--out", "p");
        Assert.Equal(2, prevalence.ExitCode);
        Assert.Contains("--prevalence 2", prevalence.Error);
    }

    [Fact]
    public void Run_with_a_failing_gate_in_the_experiment_exits_3_after_writing_everything()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("gated.json"), """
            { "name": "gated", "losses": ["bce"], "seeds": [1], "training": { "epochs": 2 }, "bootstrap": { "resamples": 50 },
              "prevalence": 0.002, "gates": [ { "metric": "brier", "max": 0.0001 }, { "metric": "recall", "at": "max_f1", "min": 0 } ] }
            """);
        var result = LossLabProcess.Run(temp.Path, "run", "gated.json", "--out", "out");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("FAIL bce: brier ≤ 0.0001", result.Error);
        var json = JsonNode.Parse(File.ReadAllText(temp.File("out/results.json")))!;
        Assert.False((bool)json["gates_passed"]!);
        Assert.True((bool)json["gates"]![0]!["results"]![1]!["passed"]!);
        Assert.Equal(0.002, (double)json["runs"]![0]!["deployment"]!["prevalence"]!);
        Assert.True(File.Exists(temp.File("out/report.pdf")));
    }
}
