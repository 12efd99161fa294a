using System.Reflection;
using System.Text.Json.Serialization;

namespace LossLab.Evaluation.Experiments;

/// <summary>The written names of an enum (its <see cref="JsonStringEnumMemberNameAttribute"/>s), for parsing and messages.</summary>
public static class JsonEnum
{
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(Name)];

    public static string Name<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (Name(candidate) == name) { value = candidate; return true; }
        value = default;
        return false;
    }
}
