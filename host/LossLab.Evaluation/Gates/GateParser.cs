using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossLab.Evaluation;

/// <summary>
/// Reads gates written as a JSON array, e.g.
/// <c>[{"metric": "recall", "at": "precision>=0.5", "min": 0.9}, {"metric": "ece", "max": 0.05},
/// {"metric": "roc_auc", "min": 0.85, "use": "lower_ci"}]</c>. Every problem is collected and reported at once,
/// each naming the gate by its index, so a bad file fails before any work.
/// </summary>
public static class GateParser
{
    private static readonly string[] Keys = ["metric", "at", "min", "max", "use", "prevalence"];

    /// <summary>The keys a gate may hold; any other is an error.</summary>
    public static IReadOnlyList<string> AllowedKeys => Keys;

    /// <summary>Reads a gates file.</summary>
    /// <exception cref="InvalidInputException">The file is missing, not JSON, or holds a bad gate; the message names the file.</exception>
    public static IReadOnlyList<Gate> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: gates file not found.");
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new InvalidInputException($"{path}: not valid JSON ({e.Message})"); }
        return Parse(node, path);
    }

    /// <summary>Reads gates from a JSON array (or an object with a "gates" array).</summary>
    /// <param name="source">Named in every message: the file, or e.g. "experiment.json: gates".</param>
    /// <exception cref="InvalidInputException">One message listing every problem.</exception>
    public static IReadOnlyList<Gate> Parse(JsonNode? node, string source)
    {
        if (node is JsonObject wrapper && wrapper["gates"] is JsonArray inner) node = inner;
        if (node is not JsonArray array)
            throw new InvalidInputException($"{source}: expected a JSON array of gates like [{{\"metric\": \"roc_auc\", \"min\": 0.85}}].");
        // An empty list would pass with nothing judged: a gate file that gates nothing is a mistake.
        if (array.Count == 0)
            throw new InvalidInputException($"{source}: the list of gates is empty, so nothing would be judged; give at least one gate like {{\"metric\": \"roc_auc\", \"min\": 0.85}}.");
        var problems = new List<string>();
        var gates = Collect(array, problems);
        if (problems.Count > 0)
            throw new InvalidInputException($"{source}: {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return gates;
    }

    /// <summary>Reads every gate of <paramref name="array"/>, adding one line per problem ("gates[i].key: why").</summary>
    public static List<Gate> Collect(JsonArray array, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(array);
        var gates = new List<Gate>();
        for (int i = 0; i < array.Count; i++)
            if (ParseOne(array[i], $"gates[{i}]", problems) is { } gate) gates.Add(gate);
        return gates;
    }

    /// <summary>The gate as a gates file writes it, canonical (e.g. for the resolved experiment); <see cref="Collect"/> reads it back equal.</summary>
    public static JsonObject ToJson(Gate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var o = new JsonObject { ["metric"] = gate.Metric };
        if (gate.At is not null) o["at"] = gate.At;
        if (gate.Min is { } min) o["min"] = min;
        if (gate.Max is { } max) o["max"] = max;
        o["use"] = gate.UseName;
        if (gate.AtDeployment) o["prevalence"] = "deployment";
        return o;
    }

    private static Gate? ParseOne(JsonNode? node, string where, List<string> problems)
    {
        if (node is not JsonObject o)
        {
            problems.Add($"{where}: expected an object like {{\"metric\": \"roc_auc\", \"min\": 0.85}}");
            return null;
        }
        int before = problems.Count;
        foreach (var (key, _) in o)
            if (!Keys.Contains(key)) problems.Add($"{where}.{key}: unknown key; a gate has {string.Join(", ", Keys)}");

        string? metric = Text(o, "metric", where, problems);
        if (metric is null) problems.Add($"{where}.metric: missing");
        else if (!GateMetrics.IsKnown(metric))
            problems.Add($"{where}.metric: unknown metric '{metric}'; known: {string.Join(", ", GateMetrics.ThresholdFree.Concat(GateMetrics.AtThreshold))}");

        string? at = Text(o, "at", where, problems);
        if (at is not null)
        {
            try { at = ThresholdObjective.Parse(at).Name; }
            catch (FormatException e) { problems.Add($"{where}.at: {e.Message}"); }
        }
        if (metric is not null && GateMetrics.IsKnown(metric))
        {
            if (GateMetrics.NeedsThreshold(metric) && at is null)
                problems.Add($"{where}: {metric} depends on the threshold; say where with \"at\", e.g. \"max_f1\", \"precision>=0.5\" or \"0.5\"");
            if (!GateMetrics.NeedsThreshold(metric) && at is not null)
                problems.Add($"{where}.at: {metric} does not depend on a threshold; remove \"at\"");
        }

        double? min = Number(o, "min", where, problems), max = Number(o, "max", where, problems);
        if (min is null && max is null) problems.Add($"{where}: needs a bound, \"min\" and/or \"max\"");
        if (min > max) problems.Add($"{where}: min ({min}) is above max ({max})");

        string use = Text(o, "use", where, problems) ?? "value";
        int useIndex = Array.IndexOf(Gate.UseNames, use);
        GateBasis? basis = useIndex < 0 ? null : (GateBasis)useIndex;
        if (basis is null) problems.Add($"{where}.use: '{use}' is not one of {string.Join(", ", Gate.UseNames)}");
        if (basis == GateBasis.LowerCi && (min is null || max is not null))
            problems.Add($"{where}.use: lower_ci is the pessimistic end of a floor; use it with \"min\" only");
        if (basis == GateBasis.UpperCi && (max is null || min is not null))
            problems.Add($"{where}.use: upper_ci is the pessimistic end of a ceiling; use it with \"max\" only");

        string prevalence = Text(o, "prevalence", where, problems) ?? "sample";
        if (prevalence is not ("sample" or "deployment"))
            problems.Add($"{where}.prevalence: '{prevalence}' is not one of sample, deployment");
        if (prevalence == "deployment" && metric is not null && GateMetrics.IsKnown(metric) && !GateMetrics.PrevalenceDependent.Contains(metric))
            problems.Add($"{where}.prevalence: {metric} does not change with prevalence; \"deployment\" applies to {string.Join(", ", GateMetrics.PrevalenceDependent)}");

        return problems.Count > before ? null : new Gate(metric!, at, min, max, basis!.Value, prevalence == "deployment");
    }

    private static string? Text(JsonObject o, string key, string where, List<string> problems)
    {
        if (!o.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>().Trim();
        problems.Add($"{where}.{key}: expected a string, got {node.ToJsonString()}");
        return null;
    }

    private static double? Number(JsonObject o, string key, string where, List<string> problems)
    {
        if (!o.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.IsFinite(v.GetValue<double>())) return v.GetValue<double>();
        problems.Add($"{where}.{key}: expected a number, got {node.ToJsonString()}");
        return null;
    }
}
