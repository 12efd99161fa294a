using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossLab.Engine.Experiments;

/// <summary>Typed reads of one JSON object of an experiment, collecting problems with their dotted path instead of throwing.</summary>
internal sealed class JsonSection(JsonObject? node, string path, List<string> problems)
{
    public JsonObject? Node { get; } = node;

    private string At(string key) => path == "" ? key : $"{path}.{key}";

    public void AllowOnly(params string[] keys)
    {
        if (Node is null) return;
        foreach (var (key, _) in Node)
            if (!keys.Contains(key))
                problems.Add($"{At(key)}: unknown key (allowed here: {string.Join(", ", keys)})");
    }

    public JsonSection Section(string key)
    {
        var child = Node?[key];
        if (child is null or JsonObject) return new JsonSection(child as JsonObject, At(key), problems);
        problems.Add($"{At(key)}: expected an object, got {child.ToJsonString()}");
        return new JsonSection(null, At(key), problems);
    }

    public bool Has(string key) => Node?.ContainsKey(key) == true && Node[key] is not null;

    public string String(string key, string fallback, params string[] choices)
    {
        var node = Node?[key];
        if (node is null) return fallback;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            if (choices.Length == 0 || choices.Contains(s)) return s;
            problems.Add($"{At(key)}: '{s}' is not one of {string.Join(", ", choices)}");
            return fallback;
        }
        problems.Add($"{At(key)}: expected a string, got {node.ToJsonString()}");
        return fallback;
    }

    /// <summary>An enum written by its <see cref="LossLab.Evaluation.Experiments.JsonEnum"/> names, e.g. "adamw".</summary>
    public T Enum<T>(string key, T fallback) where T : struct, System.Enum
    {
        var names = LossLab.Evaluation.Experiments.JsonEnum.Names<T>();
        var text = String(key, LossLab.Evaluation.Experiments.JsonEnum.Name(fallback), [.. names]);
        return LossLab.Evaluation.Experiments.JsonEnum.TryParse<T>(text, out var value) ? value : fallback;
    }

    public double Number(string key, double fallback, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        var node = Node?[key];
        if (node is null) return fallback;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            problems.Add($"{At(key)}: expected a number, got {node.ToJsonString()}");
            return fallback;
        }
        var x = v.GetValue<double>();
        var low = minExclusive ? x <= min : x < min;
        var high = maxExclusive ? x >= max : x > max;
        if (low || high)
        {
            problems.Add($"{At(key)}: {x} is out of range {(minExclusive ? "(" : "[")}{min}, {max}{(maxExclusive ? ")" : "]")}");
            return fallback;
        }
        return x;
    }

    public bool Boolean(string key, bool fallback)
    {
        var node = Node?[key];
        if (node is null) return fallback;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        problems.Add($"{At(key)}: expected true or false, got {node.ToJsonString()}");
        return fallback;
    }

    public int Integer(string key, int fallback, int min, int max = int.MaxValue)
    {
        var node = Node?[key];
        if (node is null) return fallback;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i))
        {
            if (i >= min && i <= max) return i;
            problems.Add($"{At(key)}: {i} is out of range [{min}, {(max == int.MaxValue ? "∞" : max)}]");
            return fallback;
        }
        problems.Add($"{At(key)}: expected an integer, got {node.ToJsonString()}");
        return fallback;
    }

    public JsonObject Object(string key)
    {
        var node = Node?[key];
        switch (node)
        {
            case null: return [];
            case JsonObject obj: return (JsonObject)obj.DeepClone();
            default:
                problems.Add($"{At(key)}: expected an object, got {node.ToJsonString()}");
                return [];
        }
    }

    public JsonArray? Array(string key)
    {
        var node = Node?[key];
        if (node is null or JsonArray) return node as JsonArray;
        problems.Add($"{At(key)}: expected a list, got {node.ToJsonString()}");
        return null;
    }

    public void Problem(string key, string message) => problems.Add($"{At(key)}: {message}");
}
