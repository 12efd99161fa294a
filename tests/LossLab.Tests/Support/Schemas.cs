using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LossLab.Tests.Support;

/// <summary>The published JSON Schemas (experiment.schema.json, results.schema.json), validated with JsonSchema.Net.</summary>
public static class Schemas
{
    public static readonly string ExperimentPath = RepoPaths.Of("host", "LossLab.Engine", "Experiments", "experiment.schema.json");
    public static readonly string ResultsPath = RepoPaths.Of("host", "LossLab.Evaluation", "Results", "results.schema.json");

    public static JsonObject ExperimentNode() => JsonNode.Parse(File.ReadAllText(ExperimentPath))!.AsObject();
    public static JsonObject ResultsNode() => JsonNode.Parse(File.ReadAllText(ResultsPath))!.AsObject();

    /// <summary>The problems of <paramref name="instance"/> against <paramref name="schema"/>, one line each (location: message); empty when valid.</summary>
    public static List<string> Problems(JsonNode schema, JsonNode? instance)
    {
        // Each schema built into its own registry, under its own base URI: the same file may be built many times.
        var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://schemas.test/{Guid.NewGuid():N}.json"));
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = built.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var problems = new List<string>();
        foreach (var detail in (IEnumerable<EvaluationResults>?)result.Details ?? [])
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                problems.Add($"{detail.InstanceLocation}: {keyword}: {message}");
        if (problems.Count == 0) problems.Add("invalid (no detail reported)");
        return problems;
    }

    /// <summary>
    /// The schema with <c>additionalProperties: false</c> on every object that lists its properties: a key the engine
    /// writes but the schema does not describe then fails validation (the published schema leaves them open, since
    /// readers ignore unknown keys of results.json).
    /// </summary>
    public static JsonObject Strict(JsonObject schema)
    {
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["properties"] is JsonObject && o["additionalProperties"] is null && (string?)o["type"] == "object") o["additionalProperties"] = false;
                foreach (var (_, child) in o.ToList()) Walk(child);
            }
            else if (node is JsonArray a) foreach (var child in a) Walk(child);
        }
        var copy = schema.DeepClone().AsObject();
        Walk(copy);
        return copy;
    }

    /// <summary>A schema for the array in decision-boundaries.json: its items are results.schema.json's <c>decision_boundary</c>.</summary>
    public static JsonObject DecisionBoundaries()
    {
        var results = ResultsNode();
        return new JsonObject
        {
            ["$schema"] = results["$schema"]!.DeepClone(),
            ["type"] = "array",
            ["items"] = new JsonObject { ["$ref"] = "#/$defs/decision_boundary" },
            ["$defs"] = results["$defs"]!.DeepClone(),
        };
    }
}
