using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossLab.Engine.Experiments;

/// <summary>Reads an experiment file, or the embedded default experiment (the seed-003 99:1 setup).</summary>
public static class ExperimentFile
{
    public const string DefaultSource = "(embedded default experiment)";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false };

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
            // A duplicate key (refused: which value would count?) comes without a position, but names the key.
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : e.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new ExperimentException(source, [$"not valid JSON{where}: {e.Message}"]);
        }
        catch (ArgumentException e)
        {
            // JsonObject's own complaint about a key given twice, should the parser let one through.
            throw new ExperimentException(source, [$"a key appears twice in one object: {e.Message}"]);
        }
    }
}
