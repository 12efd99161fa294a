using LossLab.Evaluation.Experiments;
using System.Text.Json.Nodes;
using LossLab.Engine.Experiments;
using LossLab.Tests.Support;

namespace LossLab.Tests.Experiments;

public sealed class ExperimentTests
{
    [Fact]
    public void The_embedded_default_is_the_seed_003_setup()
    {
        var resolved = ExperimentResolver.Resolve(null, [], StandardPlugins.Catalog);
        var e = resolved.Experiment;
        Assert.Equal("synthetic", e.Dataset.Plugin);
        Assert.Equal(6000, (int)resolved.Dataset.Options["samples"]!);
        Assert.Equal(2, (int)resolved.Dataset.Options["features"]!);
        Assert.Equal(1.5, (double)resolved.Dataset.Options["class_sep"]!);
        Assert.Equal(new ImbalanceSettings(1, 99), e.Imbalance);
        Assert.Equal("mlp", e.Model.Plugin);
        Assert.Equal([16, 8], resolved.Model.Options["hidden"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(new TrainingSettings(30, 0, OptimizerKind.Adam, 0.01, 0, 0.9, 0), e.Training);
        Assert.Equal(["bce", "weighted-bce", "focal-g2"], resolved.Losses.Select(l => l.Name));
        Assert.Equal([1, 2, 3], e.Seeds);
    }

    [Fact]
    public void Set_overrides_dotted_paths_array_indices_and_the_loss_list()
    {
        var json = ExperimentFile.Load(null);
        ExperimentOverrides.Apply(json, ["training.epochs=5", "model.options.hidden=[32]", "losses=bce,focal", "losses.1.options.gamma=0.5", "name=quick", "seeds=[7]"]);
        var resolved = ExperimentResolver.Resolve(json, "test", StandardPlugins.Catalog);
        Assert.Equal(5, resolved.Experiment.Training.Epochs);
        Assert.Equal([32], resolved.Model.Options["hidden"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(["bce", "focal"], resolved.Losses.Select(l => l.Name));
        Assert.Equal(0.5, (double)resolved.Losses[1].Plugin.Options["gamma"]!);
        Assert.Equal(0.25, (double)resolved.Losses[1].Plugin.Options["alpha"]!);
        Assert.Equal("quick", resolved.Experiment.Name);
        Assert.Equal([7], resolved.Experiment.Seeds);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_before_any_training()
    {
        var json = JsonNode.Parse("""
            {
              "nmae": "typo",
              "dataset": { "plugin": "synthetic", "options": { "samples": -5, "colour": "red" } },
              "split": { "validation": 0.6, "test": 0.5 },
              "model": { "plugin": "transformer" },
              "losses": [ { "plugin": "focal", "options": { "gamma": -1 } }, { "plugin": "dice" }, { "plugin": "bce" }, { "plugin": "bce" } ],
              "training": { "epochs": 0, "optimizer": "lbfgs" },
              "thresholds": ["max_f2"]
            }
            """)!.AsObject();
        var e = Assert.Throws<ExperimentException>(() => ExperimentResolver.Resolve(json, "bad.json", StandardPlugins.Catalog));
        string[] expected =
        [
            "nmae: unknown key", "'samples'", "unknown option 'colour'", "split.test", "no model plugin named 'transformer'",
            "'gamma'", "no loss plugin named 'dice'", "name 'bce' is used 2 times", "training.epochs", "training.optimizer", "max_f2",
        ];
        foreach (var fragment in expected) Assert.Contains(e.Problems, p => p.Contains(fragment, StringComparison.Ordinal));
        Assert.StartsWith("bad.json: ", e.Message);
    }

    [Fact]
    public void Gates_and_prevalence_are_read_and_each_gate_operating_point_is_tuned()
    {
        var json = JsonNode.Parse("""
            {
              "thresholds": ["max_f1", "precision >= 0.5"],
              "prevalence": 0.002,
              "gates": [ { "metric": "recall", "at": "precision>=0.5", "min": 0.9 },
                         { "metric": "f1", "at": "youden", "min": 0.2 },
                         { "metric": "roc_auc", "min": 0.85, "use": "lower_ci" } ]
            }
            """)!.AsObject();
        var resolved = ExperimentResolver.Resolve(json, "gated.json", StandardPlugins.Catalog);
        var e = resolved.Experiment;
        Assert.Equal(0.002, e.Prevalence);
        Assert.Equal(3, e.Gates.Count);
        Assert.Equal(new LossLab.Evaluation.Gate("roc_auc", null, 0.85, null, LossLab.Evaluation.GateBasis.LowerCi), e.Gates[2]);
        // precision>=0.5 is already listed (spaces aside, kept in canonical form); youden is added so every run tunes it.
        Assert.Equal(["max_f1", "precision>=0.5", "youden"], e.Thresholds.Select(t => t.Name));
        Assert.Equal(0.002, (double)resolved.Experiment.ToJson()["prevalence"]!);
        Assert.Equal("lower_ci", (string)resolved.Experiment.ToJson()["gates"]![2]!["use"]!);
    }

    [Fact]
    public void Bad_gates_and_prevalence_are_listed_with_the_other_problems()
    {
        var json = JsonNode.Parse("""
            { "prevalence": 1.5, "gates": [ { "metric": "recal", "min": 0.9 }, { "metric": "f1", "min": 0.2 } ], "training": { "epochs": 0 } }
            """)!.AsObject();
        var e = Assert.Throws<ExperimentException>(() => ExperimentResolver.Resolve(json, "bad.json", StandardPlugins.Catalog));
        foreach (var fragment in (string[])["prevalence: 1.5 is out of range (0, 1)", "gates[0].metric: unknown metric 'recal'", "gates[1]: f1 depends on the threshold", "training.epochs"])
            Assert.Contains(e.Problems, p => p.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_gate_at_the_deployment_prevalence_needs_the_prevalence_key()
    {
        var json = JsonNode.Parse("""{ "gates": [ { "metric": "precision", "at": "max_f1", "min": 0.3, "prevalence": "deployment" } ] }""")!.AsObject();
        var e = Assert.Throws<ExperimentException>(() => ExperimentResolver.Resolve(json, "gated.json", StandardPlugins.Catalog));
        Assert.Contains(e.Problems, p => p.Contains("judged at the deployment prevalence; add \"prevalence\"", StringComparison.Ordinal));
        json["prevalence"] = 0.002;
        var resolved = ExperimentResolver.Resolve(json, "gated.json", StandardPlugins.Catalog);
        Assert.True(resolved.Experiment.Gates[0].AtDeployment);
        Assert.Equal("deployment", (string)resolved.Experiment.ToJson()["gates"]![0]!["prevalence"]!);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("broken.json"), "{\n  \"name\": \"x\",\n  \"seeds\": [1, 2\n}");
        var e = Assert.Throws<ExperimentException>(() => ExperimentFile.Load(temp.File("broken.json")));
        Assert.Contains("broken.json", e.Message);
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void A_bad_set_assignment_is_reported()
    {
        var e = Assert.Throws<ExperimentException>(() => ExperimentOverrides.Apply(ExperimentFile.Load(null), ["epochs", "losses.9.plugin=bce"]));
        Assert.Contains(e.Problems, p => p.Contains("expected key=value"));
        Assert.Contains(e.Problems, p => p.Contains("index 9 is past the end"));
    }

    [Fact]
    public void Loss_entries_default_their_name_to_the_plugin_and_accept_plain_names()
    {
        var json = JsonNode.Parse("""{ "losses": ["bce", { "plugin": "poly1", "options": { "epsilon": 2 } }] }""")!.AsObject();
        var resolved = ExperimentResolver.Resolve(json, "t", StandardPlugins.Catalog);
        Assert.Equal(["bce", "poly1"], resolved.Losses.Select(l => l.Name));
        Assert.Equal(2.0, (double)resolved.Experiment.ToJson()["losses"]![1]!["options"]!["epsilon"]!);
    }
}

public sealed class ExperimentRoundTripTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("""{ "prevalence": 0.01, "calibrate": "temperature", "training": { "optimizer": "adamw" }, "thresholds": ["Recall >= 0.8", "cost:1,10"], "gates": [ { "metric": "precision", "at": "max_f1", "min": 0.2, "prevalence": "deployment" }, { "metric": "roc_auc", "min": 0.8, "use": "lower_ci" } ] }""")]
    public void The_resolved_experiment_as_written_to_results_reads_back_to_the_same_experiment(string? json)
    {
        var first = json is null ? ExperimentResolver.Resolve(null, [], StandardPlugins.Catalog)
            : ExperimentResolver.Resolve(JsonNode.Parse(json)!.AsObject(), "t.json", StandardPlugins.Catalog);
        var written = first.Experiment.ToJson().ToJsonString();
        var again = ExperimentResolver.Resolve(JsonNode.Parse(written)!.AsObject(), "results.json", StandardPlugins.Catalog);
        Assert.Equal(written, again.Experiment.ToJson().ToJsonString());
        var read = LossLab.Evaluation.Results.ResultsJson.Deserialize<Experiment>(written);
        Assert.Equal(written, read.ToJson().ToJsonString());
        Assert.Equal(first.Experiment.Thresholds, read.Thresholds);
        Assert.Equal(first.Experiment.Gates, read.Gates);
        Assert.Equal(first.Experiment.Training, read.Training);
    }

    [Fact]
    public void An_empty_file_takes_every_default_of_the_experiment_record()
    {
        var resolved = ExperimentResolver.Resolve(new JsonObject(), "empty.json", StandardPlugins.Catalog);
        var e = resolved.Experiment;
        var defaults = new Experiment();
        Assert.Equal((defaults.Name, defaults.Dataset.Plugin, defaults.Dataset.Seed, defaults.Model.Plugin), (e.Name, e.Dataset.Plugin, e.Dataset.Seed, e.Model.Plugin));
        Assert.Equal(defaults.Losses.Select(l => (l.Name, l.Plugin)), e.Losses.Select(l => (l.Name, l.Plugin)));
        Assert.Equal((defaults.Split, defaults.Training, defaults.Bootstrap, defaults.Calibrate), (e.Split, e.Training, e.Bootstrap, e.Calibrate));
        Assert.Equal(defaults.Seeds, e.Seeds);
        Assert.Equal(defaults.Thresholds, e.Thresholds);
        Assert.Null(e.Imbalance);
        Assert.Equal("experiment", e.Title);
        // Every option explicit after binding: focal-g2 as the seed study sets it, the rest at the plugin's defaults.
        Assert.Equal(0.25, (double)e.Losses[2].Options["alpha"]!);
        Assert.Equal(2.0, (double)e.Losses[2].Options["gamma"]!);
        Assert.Equal(["hidden", "dropout"], e.Model.Options.Select(o => o.Key).Intersect(["hidden", "dropout"]));
    }

    [Fact]
    public void A_bad_threshold_objective_or_enum_is_reported_by_the_parser_with_its_key()
    {
        var json = JsonNode.Parse("""{ "thresholds": ["max_f1", "recall>=2"], "training": { "optimizer": "rmsprop" }, "calibrate": "platt" }""")!.AsObject();
        var e = Assert.Throws<ExperimentException>(() => ExperimentResolver.Resolve(json, "bad.json", StandardPlugins.Catalog));
        Assert.Contains(e.Problems, p => p.StartsWith("thresholds: Unknown threshold objective 'recall>=2'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p == "training.optimizer: 'rmsprop' is not one of adam, adamw, sgd");
        Assert.Contains(e.Problems, p => p == "calibrate: 'platt' is not one of none, temperature");
    }
}
