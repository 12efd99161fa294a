using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LossLab.Evaluation;

/// <summary>A gate is written as a gates file writes it (<see cref="GateParser.ToJson"/>) and read back by <see cref="GateParser"/>.</summary>
public sealed class GateJsonConverter : JsonConverter<Gate>
{
    public override Gate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        var problems = new List<string>();
        var gates = GateParser.Collect(new JsonArray(node), problems);
        return problems.Count == 0 ? gates[0] : throw new JsonException(string.Join("; ", problems));
    }

    public override void Write(Utf8JsonWriter writer, Gate value, JsonSerializerOptions options) => GateParser.ToJson(value).WriteTo(writer, options);
}
