using System.Globalization;
using System.Text.Json.Nodes;

namespace LossLab.Tests.Support;

/// <summary>
/// Where two JSON documents differ, path by path: strings, booleans and structure exactly, numbers to 1e-12
/// relative (the same machine gives the same bits; this only forgives printing), paths that <c>ignore</c> accepts
/// not at all. For the pinned numbers and the committed report fixture.
/// </summary>
public static class JsonDifferences
{
    public static List<string> Of(JsonNode? expected, JsonNode? actual, Func<string, bool>? ignore = null)
    {
        var differences = new List<string>();
        Compare("", expected, actual, ignore ?? (_ => false), differences);
        return differences;
    }

    public static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x));

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, Func<string, bool> ignore, List<string> differences)
    {
        if (ignore(path)) return;
        switch (expected)
        {
            case JsonObject e:
                if (actual is not JsonObject a) { differences.Add($"{path}: expected an object, got {Shorten(actual)}"); return; }
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key)) differences.Add($"{path}/{key}: not expected (new)");
                    else if (!a.ContainsKey(key)) differences.Add($"{path}/{key}: missing");
                    else Compare($"{path}/{key}", e[key], a[key], ignore, differences);
                }
                return;
            case JsonArray e:
                if (actual is not JsonArray list || list.Count != e.Count) { differences.Add($"{path}: expected {Shorten(e)}, got {Shorten(actual)}"); return; }
                for (var i = 0; i < e.Count; i++) Compare($"{path}[{i}]", e[i], list[i], ignore, differences);
                return;
            case JsonValue e when e.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                var x = e.GetValue<double>();
                var y = actual is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : double.NaN;
                if (!Close(x, y)) differences.Add($"{path}: expected {x.ToString("R", CultureInfo.InvariantCulture)}, got {Shorten(actual)}");
                return;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString()) differences.Add($"{path}: expected {Shorten(expected)}, got {Shorten(actual)}");
                return;
        }
    }

    private static string Shorten(JsonNode? node) => node?.ToJsonString() is { } s && s.Length > 200 ? s[..200] + "…" : node?.ToJsonString() ?? "null";
}
