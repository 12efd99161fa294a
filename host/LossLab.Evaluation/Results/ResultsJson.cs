using System.Text.Json;
using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Results;

/// <summary>The one JSON convention of every file LossLab writes: snake_case, indented, NaN allowed as a string.</summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// The text <c>Serialize(results)</c> gives, with each run taken from <paramref name="runs"/>, the runs of
    /// <paramref name="results"/> each serialized alone by <see cref="Serialize{T}"/>. results.json is rewritten
    /// after every run, so a writer that keeps each run's text (the run ledger) serializes every run once instead
    /// of once per save. A run's text is placed as the serializer places an element of the top-level "runs"
    /// array: every line indented by two more levels (JSON strings hold no raw line breaks).
    /// </summary>
    public static string Serialize(ExperimentResults results, IReadOnlyList<string> runs)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count != results.Runs.Count)
            throw new ArgumentException($"{runs.Count} serialized runs for {results.Runs.Count} runs", nameof(runs));
        var text = Serialize(results with { Runs = [] });
        var newLine = Options.NewLine;
        var empty = $"{newLine}  \"runs\": []";
        var at = text.IndexOf(empty, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no top-level \"runs\" array in the serialized results");
        if (runs.Count == 0) return text;
        var element = new System.Text.StringBuilder(text.Length + runs.Sum(r => r.Length * 5 / 4));
        element.Append(text, 0, at).Append(newLine).Append("  \"runs\": [");
        for (var i = 0; i < runs.Count; i++)
            element.Append(i == 0 ? "" : ",").Append(newLine).Append("    ").Append(runs[i].Replace(newLine, newLine + "    ", StringComparison.Ordinal));
        return element.Append(newLine).Append("  ]").Append(text, at + empty.Length, text.Length - at - empty.Length).ToString();
    }

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("empty JSON document");
}
