using System.Text.Json;
using System.Text.Json.Serialization;

namespace LossLab.Evaluation;

/// <summary>A threshold objective is written as its canonical text ("recall>=0.9") and read back with <see cref="ThresholdObjective.Parse"/>.</summary>
public sealed class ThresholdObjectiveJsonConverter : JsonConverter<ThresholdObjective>
{
    public override ThresholdObjective Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"a threshold objective is a string such as \"max_f1\", got {reader.TokenType}");
        try { return ThresholdObjective.Parse(reader.GetString()!); }
        catch (FormatException e) { throw new JsonException(e.Message, e); }
    }

    public override void Write(Utf8JsonWriter writer, ThresholdObjective value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
