using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossLab.Engine.Plugins;

/// <summary>Converts between option values and JSON, the form options take in experiment files and --set.</summary>
public static class OptionValues
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        int[] a => new JsonArray(a.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        double[] a => new JsonArray(a.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>
    /// A --set value: JSON when it parses as JSON (5, true, [32, 16], "text"), otherwise the raw text as a string,
    /// so <c>--set losses=bce,focal</c> and <c>--set dataset.options.path=data.csv</c> need no quoting.
    /// </summary>
    public static JsonNode? ParseCommandLine(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>Splits a <c>--set key=value</c> assignment; null when there is no key before '='.</summary>
    public static (string Key, JsonNode? Value)? ParseAssignment(string text)
    {
        var eq = text.IndexOf('=');
        return eq <= 0 ? null : (text[..eq].Trim(), ParseCommandLine(text[(eq + 1)..]));
    }

    /// <summary>Converts <paramref name="node"/> to <paramref name="type"/>, or returns an error in words.</summary>
    public static bool TryConvert(JsonNode? node, Type type, out object? value, out string? error)
    {
        value = null;
        error = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null)
        {
            if (underlying is not null || !type.IsValueType) return true;
            error = "must not be null";
            return false;
        }
        var target = underlying ?? type;
        if (target == typeof(int[]) || target == typeof(double[]))
        {
            var element = target.GetElementType()!;
            var items = node is JsonArray array ? array.ToList() : [node];
            var result = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (!TryScalar(items[i], element, out var item))
                {
                    error = $"expects a list of {(element == typeof(int) ? "integers" : "numbers")}, got {node.ToJsonString()}";
                    return false;
                }
                result.SetValue(item, i);
            }
            value = result;
            return true;
        }
        if (TryScalar(node, target, out value)) return true;
        error = $"expects {Describe(target)}, got {node.ToJsonString()}";
        return false;
    }

    private static bool TryScalar(JsonNode? node, Type type, out object? value)
    {
        value = null;
        if (node is not JsonValue) return false;
        // A JsonValue built in code holds a CLR value (int, double, ...); its JSON form reads the same way as a parsed one.
        var element = JsonSerializer.SerializeToElement(node);
        var kind = element.ValueKind;
        if (type == typeof(string))
        {
            value = kind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            return true;
        }
        if (type == typeof(bool))
        {
            if (kind is JsonValueKind.True or JsonValueKind.False) { value = kind == JsonValueKind.True; return true; }
            return false;
        }
        double number;
        if (kind == JsonValueKind.Number) number = element.GetDouble();
        else if (kind == JsonValueKind.String && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
        else return false;
        if (type == typeof(double)) { value = number; return true; }
        if (Math.Abs(number - Math.Round(number)) > 0 || double.IsInfinity(number)) return false;
        if (type == typeof(int) && number is >= int.MinValue and <= int.MaxValue) { value = (int)number; return true; }
        if (type == typeof(long) && number is >= long.MinValue and <= long.MaxValue) { value = (long)number; return true; }
        return false;
    }

    private static string Describe(Type type) =>
        type == typeof(double) ? "a number" : type == typeof(bool) ? "true or false" : type == typeof(string) ? "a string" : "an integer";

    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int[] a => "[" + string.Join(", ", a) + "]",
        double[] a => "[" + string.Join(", ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
