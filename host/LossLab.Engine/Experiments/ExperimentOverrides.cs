using System.Globalization;
using System.Text.Json.Nodes;
using LossLab.Engine.Plugins;

namespace LossLab.Engine.Experiments;

/// <summary>
/// Applies <c>--set key=value</c> overrides: a dotted path into the experiment (numeric segments index arrays),
/// the value parsed as JSON when it is JSON, else taken as text. <c>losses=bce,focal</c> replaces the loss list
/// with those plugins at their default options.
/// </summary>
public static class ExperimentOverrides
{
    public static void Apply(JsonObject experiment, IEnumerable<string> assignments)
    {
        var problems = new List<string>();
        foreach (var assignment in assignments)
        {
            if (OptionValues.ParseAssignment(assignment) is not var (path, value))
            {
                problems.Add($"--set {assignment}: expected key=value, e.g. training.epochs=5");
                continue;
            }
            if (path == "losses" && value is JsonValue v && v.TryGetValue<string>(out var list))
                value = new JsonArray(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(name => (JsonNode?)new JsonObject { ["plugin"] = name }).ToArray());
            if (Set(experiment, path.Split('.'), value) is { } error) problems.Add($"--set {assignment}: {error}");
        }
        if (problems.Count > 0) throw new ExperimentException("--set", problems);
    }

    private static string? Set(JsonNode root, string[] segments, JsonNode? value)
    {
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            switch (node)
            {
                case JsonObject obj:
                    if (last) { obj[segment] = value; return null; }
                    if (obj[segment] is null) obj[segment] = new JsonObject();
                    node = obj[segment]!;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                    if (index >= array.Count) return $"index {index} is past the end of '{string.Join('.', segments[..i])}' ({array.Count} items)";
                    if (last) { array[index] = value; return null; }
                    node = array[index] ?? (array[index] = new JsonObject());
                    break;
                default:
                    return $"'{string.Join('.', segments[..i])}' is not an object{(node is JsonArray ? " (use a numeric index)" : "")}";
            }
        }
        return null;
    }
}
