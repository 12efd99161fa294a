using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossLab.Engine.Experiments;

/// <summary>Reads an experiment file, or the embedded default experiment (the seed-003 99:1 setup).</summary>
public static class ExperimentFile
{
    public const string DefaultSource = "(embedded default experiment)";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonObject Load(string? path)
    {
        if (path is null) return Parse(ReadDefault(), DefaultSource);
        if (!File.Exists(path)) throw new ExperimentException(path, ["file not found"]);
        return Parse(File.ReadAllText(path), path);
    }

    public static string ReadDefault()
    {
        using var stream = typeof(ExperimentFile).Assembly.GetManifestResourceStream("LossLab.Engine.DefaultExperiment.json")
            ?? throw new InvalidOperationException("the default experiment is not embedded in LossLab.Engine");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static JsonObject Parse(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Options) as JsonObject
                ?? throw new ExperimentException(source, ["the top level must be a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new ExperimentException(source, [$"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}"]);
        }
    }
}
