using System.Text.Json.Nodes;
using LossLab.Engine.Experiments;
using LossLab.Evaluation.Experiments;
using LossLab.Tests.Support;

namespace LossLab.Tests.Experiments;

/// <summary>
/// experiment.schema.json and the parser agree: every sample (and the embedded default) is valid against the schema
/// and parses without a problem, the schema declares exactly the keys the parser accepts at each level, and a key
/// unknown to one is rejected by both.
/// </summary>
public sealed class ExperimentSchemaTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Of("samples", "experiments"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_names_the_schema_is_valid_against_it_and_parses_without_a_problem(string sample)
    {
        var path = RepoPaths.Of("samples", "experiments", sample);
        var json = ExperimentFile.Load(path);
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), json));
        var problems = new List<string>();
        ExperimentParser.Parse(json, problems);
        Assert.Empty(problems);
        // "$schema" leads an editor to the schema file itself.
        Assert.Equal(Path.GetFullPath(Schemas.ExperimentPath), Path.GetFullPath((string)json["$schema"]!, Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void The_embedded_default_experiment_names_the_schema_beside_it_and_is_valid()
    {
        var json = ExperimentFile.Load(null);
        Assert.Equal("experiment.schema.json", (string)json["$schema"]!);
        Assert.True(File.Exists(RepoPaths.Of("host", "LossLab.Engine", "Experiments", "experiment.schema.json")));
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), json));
    }

    /// <summary>The parser reads objectives without regard to case or spaces; the schema's pattern must not flag what it accepts.</summary>
    [Theory]
    [InlineData("Max_F1")]
    [InlineData("YOUDEN")]
    [InlineData(" recall >= 0.9 ")]
    [InlineData("Precision>=0.5")]
    [InlineData("Cost:1,20")]
    [InlineData("Max_FBeta:2")]
    public void Objectives_the_parser_accepts_in_any_case_are_valid_against_the_schema(string objective)
    {
        var json = ExperimentFile.Parse($$"""{ "name": "x", "thresholds": ["{{objective}}"] }""", "objectives");
        var problems = new List<string>();
        ExperimentParser.Parse(json, problems);
        Assert.Empty(problems);
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), json));
    }

    [Fact]
    public void The_parser_reads_and_ignores_the_schema_key()
    {
        var with = ExperimentFile.Parse("""{ "$schema": "../whatever.json", "name": "x", "seeds": [4] }""", "with");
        var without = ExperimentFile.Parse("""{ "name": "x", "seeds": [4] }""", "without");
        List<string> a = [], b = [];
        var parsedWith = ExperimentParser.Parse(with, a);
        var parsedWithout = ExperimentParser.Parse(without, b);
        Assert.Empty(a);
        Assert.Empty(b);
        Assert.Equal(ExperimentHash.Of(parsedWithout), ExperimentHash.Of(parsedWith));
    }

    [Fact]
    public void The_schema_declares_exactly_the_keys_the_parser_accepts_at_every_level_and_forbids_others()
    {
        var schema = Schemas.ExperimentNode();
        Assert.Equal(ExperimentKeys.ByPath.Keys.Order(StringComparer.Ordinal), Objects(schema).Keys.Order(StringComparer.Ordinal));
        foreach (var (path, keys) in ExperimentKeys.ByPath)
        {
            var node = Objects(schema)[path];
            Assert.Equal(keys.Order(StringComparer.Ordinal), node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.False((bool)node["additionalProperties"]!, path);
        }
    }

    public static TheoryData<string> Paths() => [.. ExperimentKeys.ByPath.Keys];

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_key_unknown_at_any_level_is_rejected_by_the_parser_and_by_the_schema(string path)
    {
        var valid = Minimal(path);
        Assert.Empty(Schemas.Problems(Schemas.ExperimentNode(), valid));
        var ok = new List<string>();
        ExperimentParser.Parse(valid.DeepClone().AsObject(), ok);
        Assert.Empty(ok);

        var bad = valid.DeepClone().AsObject();
        At(bad, path)["colour"] = "blue";
        var problems = new List<string>();
        ExperimentParser.Parse(bad, problems);
        Assert.Contains(problems, p => p.Contains("colour") && p.Contains("unknown key"));
        Assert.Contains(Schemas.Problems(Schemas.ExperimentNode(), bad), p => p.Contains("additionalProperties") || p.Contains("colour"));
    }

    /// <summary>An experiment that holds the object at <paramref name="path"/>, valid as it is.</summary>
    private static JsonObject Minimal(string path) => path switch
    {
        "" => new JsonObject(),
        "losses[]" => new JsonObject { ["losses"] = new JsonArray(new JsonObject { ["plugin"] = "bce" }) },
        "gates[]" => new JsonObject { ["gates"] = new JsonArray(new JsonObject { ["metric"] = "roc_auc", ["min"] = 0.5 }) },
        "training.early_stopping" => new JsonObject { ["training"] = new JsonObject { ["early_stopping"] = new JsonObject { ["patience"] = 3 } } },
        _ => new JsonObject { [path] = new JsonObject() },
    };

    private static JsonObject At(JsonObject experiment, string path) => path switch
    {
        "" => experiment,
        "losses[]" => experiment["losses"]![0]!.AsObject(),
        "gates[]" => experiment["gates"]![0]!.AsObject(),
        "training.early_stopping" => experiment["training"]!["early_stopping"]!.AsObject(),
        _ => experiment[path]!.AsObject(),
    };

    /// <summary>The schema's object definitions by the same paths as <see cref="ExperimentKeys.ByPath"/>.</summary>
    private static Dictionary<string, JsonObject> Objects(JsonObject schema)
    {
        var properties = schema["properties"]!;
        var result = new Dictionary<string, JsonObject> { [""] = schema };
        foreach (var (key, value) in properties.AsObject())
            if ((string?)value!["type"] == "object" && value["properties"] is not null) result[key] = value.AsObject();
        result["losses[]"] = properties["losses"]!["items"]!["oneOf"]!.AsArray().Single(o => (string?)o!["type"] == "object")!.AsObject();
        result["training.early_stopping"] = properties["training"]!["properties"]!["early_stopping"]!["oneOf"]!.AsArray().Single(o => (string?)o!["type"] == "object")!.AsObject();
        result["gates[]"] = schema["$defs"]!["gate"]!.AsObject();
        return result;
    }
}
