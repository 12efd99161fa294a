using System.Reflection;
using System.Text.Json.Nodes;
using LossLab.Abstractions;

namespace LossLab.Engine.Plugins;

/// <summary>One option of a plugin as the host sees it: read from the property and its <see cref="OptionAttribute"/>.</summary>
public sealed record OptionDescriptor(
    string Name,
    string Type,
    object? Default,
    string Description,
    double Min,
    double Max,
    bool MaxExclusive,
    IReadOnlyList<string> Choices,
    PropertyInfo Property)
{
    /// <summary><see cref="OptionAttribute.Required"/>: the experiment must give a value; the default is only a placeholder.</summary>
    public bool Required { get; init; }

    /// <summary>"[0, 1)", "≥ 0", "one of bce, focal" or "" — the allowed values in words, for listings and errors.</summary>
    public string Range
    {
        get
        {
            if (Choices.Count > 0) return "one of " + string.Join(", ", Choices);
            var hasMin = !double.IsNaN(Min);
            var hasMax = !double.IsNaN(Max);
            return (hasMin, hasMax) switch
            {
                (true, true) => $"[{Min}, {Max}{(MaxExclusive ? ")" : "]")}",
                (true, false) => $"≥ {Min}",
                (false, true) => MaxExclusive ? $"< {Max}" : $"≤ {Max}",
                _ => "",
            };
        }
    }

    public JsonNode? DefaultJson => OptionValues.ToJson(Default);
}
